import type Database from 'better-sqlite3';
import { type ContentFinding, verifyTableSeals } from '../audit/verifyRecordSeals';
import { filingSealedTablesIn } from '../casefile/recordDigest';
import { DossierError } from '../contract/errors';

/**
 * Refuses to merge a copy whose productions or filing caption differ from what its own audit
 * chain sealed (schema 12): they were edited behind the app's back there. A production is copied
 * as it is (append-only) and the caption's values are taken and sealed again by our merge entry,
 * so either would otherwise arrive here as if it had been written by the app.
 */
export function refuseAlteredFilings(other: Database.Database, otherPath: string): void {
  const altered: ContentFinding[] = [];
  for (const table of filingSealedTablesIn(other)) verifyTableSeals(other, table, (finding) => altered.push(finding));
  if (altered.length === 0) return;
  const named = altered.slice(0, 3).map((f) => `${f.table} ${f.id}${f.fields.length ? ` (${f.fields.join(', ')})` : ''}`).join('; ');
  throw new DossierError(
    'CASE_CHECK_FAILED',
    `${otherPath} holds ${altered.length} filing record(s) changed behind the app's back (${named}); nothing was merged. Run "dossier check ${otherPath}" and ask for a copy that passes it.`,
    { failed: ['content'] },
  );
}
