import type Database from 'better-sqlite3';
import { type ContentFinding, recordSealChecks } from '../audit/verifyRecordSeals';
import { conflictSealedTablesIn, type StoredRow } from '../casefile/recordDigest';
import { DossierError } from '../contract/errors';

/**
 * What is wrong with one stored conflict row against its seal (schema 14): the row differs from
 * the state its latest audit entry sealed, no entry ever sealed it, or the seal rows of that entry
 * were altered. Null when the audit chain vouches for it (or the file predates conflict seals).
 */
export function conflictSealFinding(db: Database.Database, row: StoredRow): ContentFinding | null {
  if (conflictSealedTablesIn(db).length === 0) return null;
  const checks = recordSealChecks(db);
  const result = checks.row('merge_conflict', row);
  if (result.finding) return result.finding;
  for (const { chain, seq } of result.sealedBy) {
    const finding = checks.entry(chain, seq);
    if (finding) return finding;
  }
  return null;
}

/**
 * Refuses to act on a conflict row the audit chain does not vouch for: resolving it would write
 * its values into a record (or settle a duplicate pair) as an audited edit under the user's name,
 * laundering what was put in behind the app's back. `acting` says what was refused. No --force.
 */
export function refuseAlteredConflict(db: Database.Database, path: string, row: StoredRow, acting: string): void {
  const finding = conflictSealFinding(db, row);
  if (!finding) return;
  const what =
    finding.kind === 'record_unaudited'
      ? "no audit entry ever recorded it (it was added behind the app's back)"
      : finding.kind === 'record_changed'
        ? `it differs from what its audit entry sealed${finding.fields.length ? ` (${finding.fields.join(', ')})` : ''}: it was changed behind the app's back`
        : finding.message;
  throw new DossierError(
    'CASE_CHECK_FAILED',
    `Refusing to ${acting} conflict ${String(row.id)}: ${what}. Run "dossier check ${path}" and restore the case file from a backup or a teammate's copy.`,
    { failed: ['content'], records: [{ kind: finding.kind, table: finding.table, id: finding.id, fields: finding.fields }] },
  );
}
