import type Database from 'better-sqlite3';
import type { SealedTable } from '../casefile/recordDigest';
import { missingFieldStamps, missingStampFinding } from './missingFieldStamps';
import type { ContentFinding } from './verifyRecordSeals';

interface StampRow {
  record_id: string;
  field: string;
  hlc: string;
  current_hlc: string;
  known: number;
}

/**
 * Checks the merge stamps of record fields (field_stamp, 0080: the version stamp that last set each
 * field; a merge takes each field from the copy whose stamp is later). The table is kept by
 * triggers and no audit entry covers it, so its rows cannot be sealed one by one; what can be held
 * is that a stamp names a version its own record had (the current one, one an audit entry sealed,
 * or one kept in its history) and none later than the current one. A forged future stamp, which
 * would make a field win every merge against a teammate's correction, fails. Then the other way
 * round: a field the current version's own edit set must have its stamp (missingFieldStamps). Not
 * caught: a stamp moved onto another version the record really had (README says so).
 */
export function verifyFieldStamps(db: Database.Database, tables: readonly SealedTable[], report: (finding: ContentFinding) => void): number {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'field_stamp'").get() === undefined) return 0;
  let checked = 0;
  for (const table of tables) {
    const stamps = db.prepare(
      `SELECT f.record_id, f.field, f.hlc, t.hlc AS current_hlc,
              (f.hlc = t.hlc
               OR EXISTS (SELECT 1 FROM audit_seal s WHERE s.record_id = f.record_id AND s.record_hlc = f.hlc AND s.record_table = f.record_table)
               OR EXISTS (SELECT 1 FROM record_history h WHERE h.record_id = f.record_id AND h.hlc = f.hlc)) AS known
         FROM field_stamp f JOIN ${table} t ON t.id = f.record_id
        WHERE f.record_table = ? ORDER BY f.record_id, f.field`,
    );
    for (const s of stamps.iterate(table) as IterableIterator<StampRow>) {
      checked += 1;
      if (s.known === 1 && s.hlc <= s.current_hlc) continue;
      const why = s.hlc > s.current_hlc ? `later than the record's current version (${s.current_hlc})` : 'a version this record never had';
      report({
        kind: 'record_changed',
        table: 'field_stamp',
        id: `${table}/${s.record_id}`,
        fields: [s.field],
        message: `The merge stamp of ${table} ${s.record_id}'s field ${s.field} says it was set at ${s.hlc}, ${why}: it was changed behind the app's back, and would decide how that field merges.`,
      });
    }
  }
  const missing = missingFieldStamps(db);
  for (const table of tables) {
    // Only rows whose current version an edit's own entry sealed (detail.hlc): the rule's candidates.
    const edited = db.prepare(
      `SELECT t.* FROM ${table} t WHERE EXISTS (
         SELECT 1 FROM audit_seal s JOIN audit_entry e ON e.chain = s.chain AND e.seq = s.seq
          WHERE s.record_id = t.id AND s.record_hlc = t.hlc AND s.record_table = ? AND json_extract(e.detail, '$.hlc') = t.hlc)`,
    );
    for (const row of edited.iterate(table) as IterableIterator<Record<string, unknown> & { id: string; hlc: string }>) {
      const lacking = missing(table, row);
      if (lacking) report(missingStampFinding(table, row, lacking));
    }
  }
  return checked;
}
