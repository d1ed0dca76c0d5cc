import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Actor } from '../../../src-main/casefile/Actor';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import type { Evidence } from '../../../src-main/contract/records';
import { evidenceSpec } from '../../../src-main/evidence/evidenceSpec';
import { insertRecord } from '../../../src-main/records/insertRecord';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { addTeamMember } from '../../../src-main/share/teamRosterService';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { newTestCase } from '../../helpers/testCase';

/** scrypt work factor for passphrase key files and shares in tests (the real one costs ~1 s). */
export const FAST_SCRYPT = 10;

export const lineOf = (user: UserIdentity): string => formatPublicIdentity(user.publicIdentity);

/** An exhibit record (metadata only: the evidence vault is another feature) with a real-looking hash. */
export function addExhibit(caseFile: CaseFile, number: number, title = `Screenshot ${number}`): Evidence {
  const sha256 = createHash('sha256').update(`exhibit ${number} ${title}`).digest('hex');
  return insertRecord(caseFile, evidenceSpec, {
    exhibit_number: number,
    exhibit_label: `Exhibit ${number}`,
    title,
    kind: 'screenshot',
    size_bytes: 1234,
    sha256,
  });
}

/** A case owned by `actor`, its roster listing `team`, with `exhibits` exhibits. */
export function teamCase(actor: Actor, team: readonly UserIdentity[], exhibits = 2, title = 'Operation Test'): CaseFile {
  const caseFile = newTestCase(actor, title);
  for (const member of team) addTeamMember(caseFile, lineOf(member));
  for (let n = 1; n <= exhibits; n += 1) addExhibit(caseFile, n);
  return caseFile;
}

export function siblingPath(caseFile: CaseFile, name: string): string {
  return path.join(path.dirname(caseFile.path), name);
}

/** Custody events of one action, oldest first. */
export function custodyOf(caseFile: CaseFile, action: string): { evidence_id: string; from_party: string | null; to_party: string | null; hash_seen: string | null; details: string | null }[] {
  return caseFile.db.prepare('SELECT * FROM custody_event WHERE action = ? ORDER BY at, id').all(action) as never;
}

export function auditActions(caseFile: CaseFile, action: string): Record<string, unknown>[] {
  return (caseFile.db.prepare('SELECT detail FROM audit_entry WHERE action = ? ORDER BY at').pluck().all(action) as string[]).map(
    (d) => JSON.parse(d) as Record<string, unknown>,
  );
}
