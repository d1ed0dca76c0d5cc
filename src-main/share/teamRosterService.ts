import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { RosterMember, TeamMember } from '../contract/sharing';
import { insertRecord } from '../records/insertRecord';
import { pendingFingerprints } from './rosterTrust';
import { settledChain } from '../casefile/openCaseFile';
import type { RecordSpec } from '../records/RecordSpec';
import { deleteRecord } from '../records/updateRecord';
import {
  formatPublicIdentity,
  makePublicIdentity,
  normalizeFingerprint,
  parsePublicIdentity,
  samePublicKeys,
  type PublicIdentity,
} from './publicIdentity';
import { ShareError } from './ShareError';
import { teamMemberSpec } from './teamMemberSpec';
import { makeTeamRoster, type TeamRoster } from './teamRoster';

/** A roster of more than this is refused (the text roster has the same bound). */
const MAX_MEMBERS = 10_000;
const ROLE_MAX_CHARS = 200;

/**
 * Adds a teammate to the case's roster from their public identity line (which must carry a
 * fingerprint matching its keys). The same key twice is refused (ROSTER_DUPLICATE); a removed
 * member may be added again.
 */
export function addTeamMember(caseFile: CaseFile, identityLine: string, options: { role?: string | null } = {}): TeamMember {
  const identity = parsePublicIdentity(identityLine);
  const role = options.role?.trim() ? options.role.trim() : null;
  if (role !== null && role.length > ROLE_MAX_CHARS) {
    throw new DossierError('INVALID_REQUEST', `A role has at most ${ROLE_MAX_CHARS} characters.`);
  }
  return writeTransaction(caseFile, () => {
    const existing = findLiveMember(caseFile.db, identity.fingerprint);
    if (existing !== undefined) {
      throw new ShareError(
        'ROSTER_DUPLICATE',
        `The key ${identity.fingerprint} is already in this case's team roster (as "${existing.name}").`,
        { fingerprint: identity.fingerprint, name: existing.name },
      );
    }
    const member = insertRecord(
      caseFile,
      teamMemberSpec,
      {
        name: identity.name,
        fingerprint: identity.fingerprint,
        age_recipient: identity.ageRecipient,
        ed25519_public_key: identity.ed25519PublicKey,
        identity_line: formatPublicIdentity(identity),
        role,
      },
      { skipAudit: true },
    );
    // Who trusted which key, and when: the audit says it in words a reviewer can follow.
    appendAudit(caseFile, {
      action: 'team_member.create',
      recordKind: 'team_member',
      recordId: member.id,
      detail: { hlc: member.hlc, name: member.name, fingerprint: member.fingerprint },
    });
    return member;
  });
}

/** Live members, by name, each trusted or pending (came with a merge, not confirmed yet). */
export function listTeamMembers(caseFile: CaseFile): RosterMember[] {
  if (!hasRosterTable(caseFile.db)) return [];
  const pending = pendingFingerprints(caseFile.db, settledChain(caseFile));
  const rows = prepareCached(caseFile.db, 'SELECT * FROM team_member WHERE deleted_at IS NULL ORDER BY name, id LIMIT ?').all(MAX_MEMBERS) as TeamMember[];
  return rows.map((row) => ({ ...row, status: pending.has(row.fingerprint) ? 'pending' : 'trusted' }));
}

/**
 * Removes a teammate (a tombstone: the record and its history stay, and the removal merges into
 * other copies). Their shares are no longer accepted for this case and new shares are not sent to them.
 */
export function removeTeamMember(caseFile: CaseFile, fingerprint: string): TeamMember {
  const wanted = normalizeFingerprint(fingerprint);
  return writeTransaction(caseFile, () => {
    const member = findLiveMember(caseFile.db, wanted);
    if (member === undefined) {
      throw new DossierError('NOT_FOUND', `No teammate with key ${wanted} in this case's roster.`, { fingerprint: wanted });
    }
    deleteRecord(caseFile, teamMemberSpec as unknown as RecordSpec<{ id: string }>, member.id);
    return prepareCached(caseFile.db, 'SELECT * FROM team_member WHERE id = ?').get(member.id) as TeamMember;
  });
}

/**
 * The case's roster as openShare and createShare use it. Each row is re-derived from its keys:
 * a row whose fingerprint or identity line does not match its keys (edited outside Dossier, or
 * merged from a damaged copy) is refused rather than trusted (ROSTER_INVALID).
 * Takes a connection so read-only copies (a local copy named with `receive --case`) work too.
 */
export function teamRosterOf(source: CaseFile | Database.Database): TeamRoster {
  const db = 'db' in source ? source.db : source;
  if (!hasRosterTable(db)) return makeTeamRoster([]);
  const rows = db.prepare('SELECT * FROM team_member WHERE deleted_at IS NULL ORDER BY name, id LIMIT ?').all(MAX_MEMBERS + 1) as TeamMember[];
  if (rows.length > MAX_MEMBERS) {
    throw new ShareError('ROSTER_INVALID', `A team roster holds at most ${MAX_MEMBERS} members.`);
  }
  // A key that came in by merge counts only once the user confirmed it (rosterTrust.ts).
  const pending = pendingFingerprints(db, 'db' in source ? settledChain(source) : null);
  const held = rows
    .filter((r) => pending.has(r.fingerprint))
    .map((r) => ({ name: r.name, fingerprint: r.fingerprint, confirmWith: `dossier roster trust ${'db' in source ? source.path : db.name} ${r.fingerprint}` }));
  return { ...makeTeamRoster(rows.filter((r) => !pending.has(r.fingerprint)).map(memberIdentity)), held };
}

/** The public identity a roster row stands for, checked against its own keys. */
export function memberIdentity(row: TeamMember): PublicIdentity {
  let identity: PublicIdentity;
  let fromLine: PublicIdentity;
  try {
    identity = makePublicIdentity({ name: row.name, ageRecipient: row.age_recipient, ed25519PublicKey: row.ed25519_public_key });
    fromLine = parsePublicIdentity(row.identity_line);
  } catch (err) {
    throw new ShareError('ROSTER_INVALID', `Team roster entry "${row.name}" is damaged: ${(err as Error).message}`, { id: row.id }, { cause: err });
  }
  if (identity.fingerprint !== row.fingerprint || !samePublicKeys(identity, fromLine)) {
    throw new ShareError(
      'ROSTER_INVALID',
      `Team roster entry "${row.name}" does not match its own keys (fingerprint ${row.fingerprint}); remove it and add the teammate again.`,
      { id: row.id, fingerprint: row.fingerprint },
    );
  }
  return identity;
}

function findLiveMember(db: Database.Database, fingerprint: string): TeamMember | undefined {
  return prepareCached(db, 'SELECT * FROM team_member WHERE fingerprint = ? AND deleted_at IS NULL').get(fingerprint) as TeamMember | undefined;
}

/** A case file older than schema 3 has no roster yet (read-only copies are not upgraded). */
function hasRosterTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'team_member'").get() !== undefined;
}
