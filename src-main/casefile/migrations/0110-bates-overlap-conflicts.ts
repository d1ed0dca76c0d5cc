import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Bates overlaps kept as conflicts (issue 17): two productions made on different copies before
 * they met can take the same Bates numbers of one prefix; a merge now keeps each such pair as a
 * merge_conflict of kind 'bates_overlap' (record_id and other_record_id the two productions, the
 * values their prefix and range) until counsel says which production keeps the numbers.
 *
 * SQLite cannot change a CHECK in place: the table is rebuilt (new table, rows copied, old one
 * dropped, new one renamed) inside the migration's transaction, and its indexes and trigger are
 * made again as 0080 made them. Columns and every other rule are 0080's, unchanged; src-main/
 * contract/conflicts.ts CONFLICT_KINDS must list the same kinds.
 *
 * Overlaps already merged in (before this version they were only reported) are recorded here, as
 * merge/productionOverlaps records them (same id and values; this copy of the rule is frozen with
 * the migration), so they can be resolved and a new production on their prefix waits for that.
 */
export const batesOverlapConflicts: Migration = {
  version: 11,
  name: 'bates-overlap-conflicts',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE merge_conflict_v11 (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('edit_edit','delete_edit','duplicate','exhibit_number','same_content','bates_overlap')),
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    other_record_id TEXT,
    fields TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'array'),
    kept_value TEXT NOT NULL CHECK (json_valid(kept_value) AND json_type(kept_value) = 'object'),
    lost_value TEXT NOT NULL CHECK (json_valid(lost_value) AND json_type(lost_value) = 'object'),
    kept_hlc TEXT NOT NULL,
    lost_hlc TEXT,
    kept_by TEXT NOT NULL,
    lost_by TEXT,
    kept_at TEXT NOT NULL,
    lost_at TEXT,
    resolution TEXT CHECK (resolution IN ('kept','restored','value','acknowledged')),
    resolved_value TEXT CHECK (resolved_value IS NULL OR json_valid(resolved_value)),
    resolved_at TEXT,
    resolved_by TEXT,
    hlc TEXT NOT NULL,
    CHECK ((resolution IS NULL) = (resolved_at IS NULL) AND (resolution IS NULL) = (resolved_by IS NULL))
  ) STRICT;
  INSERT INTO merge_conflict_v11 (id, kind, record_table, record_id, other_record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc,
      kept_by, lost_by, kept_at, lost_at, resolution, resolved_value, resolved_at, resolved_by, hlc)
    SELECT id, kind, record_table, record_id, other_record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc,
      kept_by, lost_by, kept_at, lost_at, resolution, resolved_value, resolved_at, resolved_by, hlc FROM merge_conflict;
  DROP TABLE merge_conflict;
  ALTER TABLE merge_conflict_v11 RENAME TO merge_conflict;
  CREATE INDEX merge_conflict_by_record ON merge_conflict(record_id);
  CREATE INDEX merge_conflict_open ON merge_conflict(kept_at) WHERE resolution IS NULL;
  CREATE TRIGGER merge_conflict_no_delete BEFORE DELETE ON merge_conflict
    BEGIN SELECT RAISE(ABORT, 'merge_conflict rows are resolved, never deleted'); END;
`);
    recordExistingOverlaps(db);
  },
};

interface ProductionSide {
  id: string;
  bates_prefix: string;
  bates_first: number;
  bates_last: number;
  bates_padding: number;
  hlc: string;
  created_by: string;
  created_at: string;
}

function recordExistingOverlaps(db: Database.Database): void {
  const pairs = db
    .prepare(
      `SELECT json_object('id', a.id, 'bates_prefix', a.bates_prefix, 'bates_first', a.bates_first, 'bates_last', a.bates_last, 'bates_padding', a.bates_padding,
                          'hlc', a.hlc, 'created_by', a.created_by, 'created_at', a.created_at) AS a,
              json_object('id', b.id, 'bates_prefix', b.bates_prefix, 'bates_first', b.bates_first, 'bates_last', b.bates_last, 'bates_padding', b.bates_padding,
                          'hlc', b.hlc, 'created_by', b.created_by, 'created_at', b.created_at) AS b
         FROM production a JOIN production b
           ON a.bates_prefix = b.bates_prefix AND a.id < b.id AND a.draft = 0 AND b.draft = 0
          AND a.bates_first <= b.bates_last AND b.bates_first <= a.bates_last`,
    )
    .all() as { a: string; b: string }[];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO merge_conflict (id, kind, record_table, record_id, other_record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at, hlc)
     VALUES (?, 'bates_overlap', 'production', ?, ?, '["bates_prefix","bates_first","bates_last"]', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const value = (p: ProductionSide) => {
    const label = (n: number) => `${p.bates_prefix}${String(n).padStart(p.bates_padding, '0')}`;
    return JSON.stringify({ production: p.id, bates_prefix: p.bates_prefix, bates_first: p.bates_first, bates_last: p.bates_last, bates_range: `${label(p.bates_first)}–${label(p.bates_last)}` });
  };
  for (const pair of pairs) {
    const [a, b] = [JSON.parse(pair.a) as ProductionSide, JSON.parse(pair.b) as ProductionSide];
    const id = createHash('sha256').update(JSON.stringify(['bates_overlap', a.id, b.id])).digest('hex').slice(0, 32);
    insert.run(id, a.id, b.id, value(a), value(b), a.hlc, b.hlc, a.created_by, b.created_by, a.created_at, b.created_at, a.hlc > b.hlc ? a.hlc : b.hlc);
  }
}
