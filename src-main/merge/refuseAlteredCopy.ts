import type Database from 'better-sqlite3';
import { verifyRecordSeals } from '../audit/verifyRecordSeals';
import { DossierError } from '../contract/errors';

/**
 * Refuses to merge a copy whose records differ from what its own audit chain sealed (what
 * `dossier check` finds there as content or custody): they were edited behind the app's back on
 * that copy. Taken here they would arrive as if written by the app: a production is copied as it
 * is, and a record or the caption that wins the merge is sealed again by our merge entry, so our
 * own check could no longer tell. Runs over the whole copy, as check does, before anything is written.
 */
export function refuseAlteredCopy(other: Database.Database, otherPath: string): void {
  const { findings, moreFindings } = verifyRecordSeals(other);
  if (findings.length === 0) return;
  const named = findings.slice(0, 3).map((f) => `${f.table} ${f.id}${f.fields.length ? ` (${f.fields.join(', ')})` : ''}`).join('; ');
  throw new DossierError(
    'CASE_CHECK_FAILED',
    `${otherPath} holds ${findings.length + moreFindings} record(s) changed behind the app's back (${named}${findings.length > 3 ? '; ...' : ''}); nothing was merged. Run "dossier check ${otherPath}" and ask for a copy that passes it.`,
    { failed: ['content'] },
  );
}
