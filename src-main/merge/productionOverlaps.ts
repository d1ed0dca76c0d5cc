import type Database from 'better-sqlite3';
import type { MergeConflict } from '../contract/MergeReport';
import { batesSideWords } from '../packet/batesSideWords';
import { sharedBatesLabel } from '../packet/sharedBatesLabel';
import { type ConflictRow, conflictId, recordConflict } from './conflictRecords';

interface OverlapSide {
  id: string;
  prefix: string;
  first: number;
  last: number;
  padding: number;
  hlc: string;
  created_by: string;
  created_at: string;
}

/** A Bates number as printed: prefix and zero-padded number. */
function label(side: OverlapSide, n: number): string {
  return `${side.prefix}${String(n).padStart(side.padding, '0')}`;
}

/** A production as messages about the overlap name it (packet/batesSideWords). */
function named(side: OverlapSide): { id: string; prefix: string; range: string } {
  return { id: side.id, prefix: side.prefix, range: `${label(side, side.first)}–${label(side, side.last)}` };
}

/** What a conflict row keeps of one production: its prefix, range and the range as printed. */
function sideValue(side: OverlapSide): Record<string, unknown> {
  return { production: side.id, bates_prefix: side.prefix, bates_first: side.first, bates_last: side.last, bates_range: `${label(side, side.first)}–${label(side, side.last)}` };
}

/**
 * The conflict of two productions that share Bates numbers: a pure function of the two (the one
 * with the smaller id is "kept" only in the sense of being named first), so every copy that finds
 * it holds the same row. Resolving it says which production keeps the numbers (resolveConflict).
 */
function overlapConflict(a: OverlapSide, b: OverlapSide): ConflictRow {
  return {
    id: conflictId('bates_overlap', a.id, b.id),
    kind: 'bates_overlap',
    record_table: 'production',
    record_id: a.id,
    other_record_id: b.id,
    fields: JSON.stringify(['bates_prefix', 'bates_first', 'bates_last']),
    kept_value: JSON.stringify(sideValue(a)),
    lost_value: JSON.stringify(sideValue(b)),
    kept_hlc: a.hlc,
    lost_hlc: b.hlc,
    kept_by: a.created_by,
    lost_by: b.created_by,
    kept_at: a.created_at,
    lost_at: b.created_at,
    resolution: null,
    resolved_value: null,
    resolved_at: null,
    resolved_by: null,
    hlc: a.hlc > b.hlc ? a.hlc : b.hlc,
  };
}

/**
 * Productions made on two copies before they met can both have taken the next Bates numbers of a
 * prefix. Both are facts of the case and both travel, but a number may stand for one page only:
 * each such pair is kept as a `bates_overlap` conflict until counsel says which one keeps the
 * numbers (the other is exported again as a new production; nothing is renumbered silently), and
 * reported when it is new on this copy.
 */
export function productionOverlaps(db: Database.Database, arrived: number, caseFilePath: string): MergeConflict[] {
  if (arrived === 0) return [];
  const side = (t: 'a' | 'b') =>
    `${t}.id AS ${t}_id, ${t}.bates_prefix AS ${t}_prefix, ${t}.bates_first AS ${t}_first, ${t}.bates_last AS ${t}_last, ${t}.bates_padding AS ${t}_padding, ` +
    `${t}.hlc AS ${t}_hlc, ${t}.created_by AS ${t}_created_by, ${t}.created_at AS ${t}_created_at`;
  // Candidates: prefixes alike but for case, or one beginning the other ("STORM-0" with padding 5
  // prints STORM-000001, as "STORM-" with padding 6 does); sharedBatesLabel then compares labels.
  const rows = db
    .prepare(
      `SELECT ${side('a')}, ${side('b')}
         FROM production a JOIN production b
           ON a.id < b.id AND a.draft = 0 AND b.draft = 0
          AND (upper(substr(a.bates_prefix, 1, length(b.bates_prefix))) = upper(b.bates_prefix)
               OR upper(substr(b.bates_prefix, 1, length(a.bates_prefix))) = upper(a.bates_prefix))
        ORDER BY a.bates_prefix, a.bates_first, a.id, b.id`,
    )
    .all() as Record<string, string | number>[];
  const found: MergeConflict[] = [];
  for (const row of rows) {
    const pick = (t: 'a' | 'b'): OverlapSide => ({
      id: String(row[`${t}_id`]), prefix: String(row[`${t}_prefix`]), first: Number(row[`${t}_first`]), last: Number(row[`${t}_last`]),
      padding: Number(row[`${t}_padding`]), hlc: String(row[`${t}_hlc`]), created_by: String(row[`${t}_created_by`]), created_at: String(row[`${t}_created_at`]),
    });
    const [a, b] = [pick('a'), pick('b')];
    const shared = sharedBatesLabel(a, b);
    if (shared === null) continue;
    const conflict = overlapConflict(a, b);
    if (!recordConflict(db, conflict)) continue;
    found.push({
      kind: 'bates_overlap',
      table: 'production',
      record_id: b.id,
      kept_hlc: conflict.hlc,
      superseded_hlc: null,
      conflict_id: conflict.id,
      message:
        `Productions ${batesSideWords(named(a))} and ${batesSideWords(named(b))} were made on different copies and both print Bates labels from ${shared}. ` +
        'Keep the one that was filed; export the other again as a new production (its numbers then continue after the last one used). ' +
        // By id: both may be by one person (two computers), and whoever merges may have made neither.
        `Say which keeps the numbers: dossier conflicts resolve ${caseFilePath} ${conflict.id} --keep ${a.id} (or --keep ${b.id})`,
    });
  }
  return found;
}
