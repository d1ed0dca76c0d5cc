import type Database from 'better-sqlite3';
import { type ContentFinding, recordSealChecks } from '../audit/verifyRecordSeals';
import { conflictSealedTablesIn, type StoredRow } from '../casefile/recordDigest';
import { DossierError } from '../contract/errors';

/**
 * The one check of conflict rows against their seals (schema 14), for a caller that checks several
 * rows of one file (the listing): statements are prepared once, and each sealing entry's seal set is
 * hashed once, as one merge entry seals every conflict it wrote (measured on a merge of 2,000
 * edit/edit conflicts: 12 ms a row when each row rehashed the entry, 24 s for the list; 77 ms for
 * all 2,000 with the cache, about 0.1 s for the whole listing). The returned function gives what is
 * wrong with a row: it differs from the state its latest audit entry sealed, no entry ever sealed
 * it, or the seal rows of that entry were altered. Null when the audit chain vouches for it (or the
 * file predates conflict seals: a read-only open refuses such a file, a writable one migrates it).
 */
export function conflictSealChecker(db: Database.Database): (row: StoredRow) => ContentFinding | null {
  if (conflictSealedTablesIn(db).length === 0) return () => null;
  const checks = recordSealChecks(db);
  const entries = new Map<string, ContentFinding | null>();
  const entryFinding = (chain: string, seq: number): ContentFinding | null => {
    const key = `${chain}#${seq}`;
    if (!entries.has(key)) entries.set(key, checks.entry(chain, seq));
    return entries.get(key)!;
  };
  return (row) => {
    const result = checks.row('merge_conflict', row);
    if (result.finding) return result.finding;
    for (const { chain, seq } of result.sealedBy) {
      const finding = entryFinding(chain, seq);
      if (finding) return finding;
    }
    return null;
  };
}

/** What is wrong with one stored conflict row against its seal; null when the audit chain vouches for it. */
export function conflictSealFinding(db: Database.Database, row: StoredRow): ContentFinding | null {
  return conflictSealChecker(db)(row);
}

/** The finding in words, after "conflict ID": shared by the refusal and the listing's mark. */
export function alteredConflictWords(finding: ContentFinding): string {
  return finding.kind === 'record_unaudited'
    ? "no audit entry ever recorded it (it was added behind the app's back)"
    : finding.kind === 'record_changed'
      ? `it differs from what its audit entry sealed${finding.fields.length ? ` (${finding.fields.join(', ')})` : ''}: it was changed behind the app's back`
      : finding.message;
}

/**
 * Refuses to act on a conflict row the audit chain does not vouch for: resolving it would write
 * its values into a record (or settle a duplicate pair) as an audited edit under the user's name,
 * laundering what was put in behind the app's back. `acting` says what was refused. No --force.
 */
export function refuseAlteredConflict(db: Database.Database, path: string, row: StoredRow, acting: string): void {
  const finding = conflictSealFinding(db, row);
  if (!finding) return;
  throw new DossierError(
    'CASE_CHECK_FAILED',
    `Refusing to ${acting} conflict ${String(row.id)}: ${alteredConflictWords(finding)}. Run "dossier check ${path}" and restore the case file from a backup or a teammate's copy.`,
    { failed: ['content'], records: [{ kind: finding.kind, table: finding.table, id: finding.id, fields: finding.fields }] },
  );
}
