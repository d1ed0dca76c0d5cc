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
  },
};
