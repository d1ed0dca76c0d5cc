import type { TeamMember } from '../contract/sharing';
import type { RecordSpec } from '../records/RecordSpec';

/**
 * How team_member rows are stored (0030-team-roster). Not searchable: the roster is a list of
 * keys, not case content. Members are never edited in place (a new key is a new member), so no
 * column is writable after creation; `writable` lists what insertRecord may set.
 */
export const teamMemberSpec: RecordSpec<TeamMember> = {
  kind: 'team_member',
  table: 'team_member',
  writable: ['name', 'fingerprint', 'age_recipient', 'ed25519_public_key', 'identity_line', 'role'],
  jsonColumns: [],
  sortable: { name: 'name', created: 'created_at' },
  filterColumns: ['name', 'fingerprint'],
  title: (row) => row.name,
  subtitle: (row) => row.fingerprint,
  searchText: () => null,
};
