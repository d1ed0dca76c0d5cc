import type { Stakeholder } from '../contract/records';
import { stakeholderCreateSchema, stakeholderUpdateSchema } from '../contract/schemas';
import type { RecordSpec } from '../records/RecordSpec';
import { recordService } from '../records/recordService';

export const stakeholderSpec: RecordSpec<Stakeholder> = {
  kind: 'stakeholder',
  table: 'stakeholder',
  writable: ['name', 'organization', 'kind', 'role', 'email', 'phone', 'address', 'notes'],
  jsonColumns: [],
  sortable: { name: 'name', kind: 'kind', organization: "coalesce(organization, '')", created: 'created_at' },
  filterColumns: ['name', 'organization', 'email'],
  title: (row) => row.name,
  subtitle: (row) => [row.organization, row.kind.replace(/_/g, ' ')].filter(Boolean).join(' · '),
  searchText: (row) => ({
    title: row.name,
    body: [row.organization, row.kind.replace(/_/g, ' '), row.role, row.email, row.phone, row.address, row.notes].filter(Boolean).join('\n'),
  }),
};

export const stakeholderService = recordService(stakeholderSpec, stakeholderCreateSchema, stakeholderUpdateSchema);
