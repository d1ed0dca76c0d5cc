import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';
import type { ConflictKind } from '../contract/conflicts';
import type { MergeConflict } from '../contract/MergeReport';
import { type ConflictRow, conflictId, recordConflict } from './conflictRecords';

type Exhibit = { id: string; exhibit_number: number; title: string; sha256: string | null; created_at: string; created_by: string };

/**
 * A stamp below every clock stamp: exhibit conflicts are about two records, not two versions, so
 * their rows carry nothing a copy could stamp differently; any resolution is stamped later.
 */
export const DETECTED_STAMP = '0000000000000.0000.detected';

function pairConflict(kind: ConflictKind, field: 'exhibit_number' | 'sha256', first: Exhibit, second: Exhibit): ConflictRow {
  const value = (e: Exhibit) => JSON.stringify({ id: e.id, exhibit_number: e.exhibit_number, title: e.title, ...(field === 'sha256' ? { sha256: e.sha256 } : {}) });
  return {
    id: conflictId(kind, 'evidence', first.id, second.id, String(first[field])),
    kind,
    record_table: 'evidence',
    record_id: first.id,
    other_record_id: second.id,
    fields: JSON.stringify([field]),
    kept_value: value(first),
    lost_value: value(second),
    kept_hlc: DETECTED_STAMP,
    lost_hlc: null,
    kept_by: first.created_by,
    lost_by: second.created_by,
    kept_at: first.created_at,
    lost_at: second.created_at,
    resolution: null,
    resolved_value: null,
    resolved_at: null,
    resolved_by: null,
    hlc: DETECTED_STAMP,
  };
}

/**
 * After a merge: live exhibits sharing a number (a packet needs them told apart; the one created
 * first keeps it, `dossier conflicts` proposes renumbering the other) and live exhibits with
 * identical bytes (possibly one piece of evidence added on two copies), each recorded once as a
 * conflict. Returns the ones new in this case.
 */
export function recordExhibitConflicts(db: Database.Database): MergeConflict[] {
  const found: MergeConflict[] = [];
  const groups: { kind: ConflictKind; field: 'exhibit_number' | 'sha256'; report: MergeConflict['kind'] }[] = [
    { kind: 'exhibit_number', field: 'exhibit_number', report: 'duplicate_exhibit_number' },
    { kind: 'same_content', field: 'sha256', report: 'same_content' },
  ];
  for (const group of groups) {
    const clashing = prepareCached(
      db,
      `SELECT id, exhibit_number, title, sha256, created_at, created_by FROM evidence
       WHERE deleted_at IS NULL AND ${group.field} IS NOT NULL AND ${group.field} IN
         (SELECT ${group.field} FROM evidence WHERE deleted_at IS NULL GROUP BY ${group.field} HAVING count(*) > 1)
       ORDER BY ${group.field}, created_at, id`,
    ).all() as Exhibit[];
    for (let i = 0; i < clashing.length; i += 1) {
      const first = clashing.find((e) => e[group.field] === clashing[i]![group.field])!;
      const second = clashing[i]!;
      if (first === second) continue;
      const row = pairConflict(group.kind, group.field, first, second);
      if (!recordConflict(db, row)) continue;
      found.push({
        kind: group.report,
        table: 'evidence',
        record_id: first.id,
        kept_hlc: DETECTED_STAMP,
        superseded_hlc: null,
        conflict_id: row.id,
        message:
          group.kind === 'exhibit_number'
            ? `Exhibits ${first.id} and ${second.id} are both numbered ${first.exhibit_number}; renumber one (dossier conflicts proposes a number) before exporting a packet.`
            : `Exhibits ${first.id} (${first.exhibit_number}) and ${second.id} (${second.exhibit_number}) hold identical bytes (SHA-256 ${first.sha256}): possibly one piece of evidence added twice.`,
      });
    }
  }
  return found;
}
