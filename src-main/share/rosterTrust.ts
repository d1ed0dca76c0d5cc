import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { MergeConflict } from '../contract/MergeReport';
import { normalizeFingerprint } from './publicIdentity';

/*
 * A teammate who arrives in the roster by a merge (a plain copy or a share from someone else) is
 * not trusted until the user confirms their fingerprint here, as for an unknown sender: whoever
 * sends a copy could otherwise add their own key and be trusted silently. The state lives in the
 * audit log ('roster.pending' when a merge brings a key, 'roster.trust' when the user confirms),
 * which is append-only and chained, so a trust cannot be granted by editing a table.
 */

/** Live roster fingerprints, before a merge changes them. */
export function liveFingerprints(db: Database.Database): Set<string> {
  return new Set(db.prepare('SELECT fingerprint FROM team_member WHERE deleted_at IS NULL').pluck().all() as string[]);
}

/** Fingerprints waiting for the user's confirmation (their last roster decision is 'pending'). */
export function pendingFingerprints(db: Database.Database): Set<string> {
  const pending = new Set<string>();
  const rows = db
    .prepare("SELECT action, json_extract(detail, '$.fingerprint') AS fingerprint FROM audit_entry WHERE action IN ('roster.pending', 'roster.trust') ORDER BY at, chain, seq")
    .all() as { action: string; fingerprint: string | null }[];
  for (const r of rows) {
    if (!r.fingerprint) continue;
    if (r.action === 'roster.pending') pending.add(r.fingerprint);
    else pending.delete(r.fingerprint);
  }
  return pending;
}

/**
 * Called inside the merge transaction: every key live now that was not live before the merge is
 * marked pending and reported as a conflict to confirm.
 */
export function holdMergedRosterKeys(target: CaseFile, before: Set<string>, from: string): MergeConflict[] {
  const rows = target.db.prepare('SELECT id, name, fingerprint, hlc FROM team_member WHERE deleted_at IS NULL').all() as { id: string; name: string; fingerprint: string; hlc: string }[];
  const conflicts: MergeConflict[] = [];
  for (const row of rows) {
    if (before.has(row.fingerprint)) continue;
    appendAudit(target, { action: 'roster.pending', recordKind: 'team_member', recordId: row.id, detail: { fingerprint: row.fingerprint, from } });
    conflicts.push({
      kind: 'roster_unconfirmed',
      table: 'team_member',
      record_id: row.id,
      kept_hlc: row.hlc,
      superseded_hlc: null,
      message: `${row.name} (${row.fingerprint}) came into the team roster with the merge and is not trusted yet. Compare the fingerprint with them, then run: dossier roster trust ${target.path} ${row.fingerprint}`,
    });
  }
  return conflicts;
}

/** The user confirms a teammate who arrived by merge: from now on their shares are accepted. */
export function trustTeamMember(caseFile: CaseFile, fingerprint: string): { fingerprint: string; name: string } {
  const wanted = normalizeFingerprint(fingerprint);
  return writeTransaction(caseFile, () => {
    const row = caseFile.db.prepare('SELECT id, name FROM team_member WHERE fingerprint = ? AND deleted_at IS NULL').get(wanted) as { id: string; name: string } | undefined;
    if (!row) throw new DossierError('NOT_FOUND', `No teammate with key ${wanted} in this case's roster.`, { fingerprint: wanted });
    if (!pendingFingerprints(caseFile.db).has(wanted)) {
      throw new DossierError('INVALID_REQUEST', `${row.name} (${wanted}) is already trusted; nothing to confirm.`, { fingerprint: wanted });
    }
    appendAudit(caseFile, { action: 'roster.trust', recordKind: 'team_member', recordId: row.id, detail: { fingerprint: wanted } });
    return { fingerprint: wanted, name: row.name };
  });
}
