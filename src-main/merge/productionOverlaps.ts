import type Database from 'better-sqlite3';
import type { MergeConflict } from '../contract/MergeReport';

interface Overlap {
  a: string;
  b: string;
  prefix: string;
  first: number;
  last: number;
  hlc: string;
  padding: number;
}

/**
 * Productions made on two copies before they met can both have taken the next Bates numbers of a
 * prefix. Both are facts of the case and both travel, but a number may stand for one page only:
 * each such pair is reported so counsel re-export one of them as a new production before filing.
 */
export function productionOverlaps(db: Database.Database, arrived: number): MergeConflict[] {
  if (arrived === 0) return [];
  const rows = db
    .prepare(
      `SELECT a.id AS a, b.id AS b, a.bates_prefix AS prefix, max(a.bates_first, b.bates_first) AS first,
              min(a.bates_last, b.bates_last) AS last, max(a.hlc, b.hlc) AS hlc, a.bates_padding AS padding
         FROM production a JOIN production b
           ON a.bates_prefix = b.bates_prefix AND a.id < b.id AND a.draft = 0 AND b.draft = 0
          AND a.bates_first <= b.bates_last AND b.bates_first <= a.bates_last
        ORDER BY a.bates_prefix, first`,
    )
    .all() as Overlap[];
  const label = (o: Overlap, n: number) => `${o.prefix}${String(n).padStart(o.padding, '0')}`;
  return rows.map((o) => ({
    kind: 'bates_overlap',
    table: 'production',
    record_id: o.b,
    kept_hlc: o.hlc,
    superseded_hlc: null,
    message:
      `Productions ${o.a} and ${o.b} were made on different copies and both use Bates numbers ${label(o, o.first)}–${label(o, o.last)}. ` +
      'Keep the one that was filed; export the other again as a new production (its numbers then continue after the last one used).',
  }));
}
