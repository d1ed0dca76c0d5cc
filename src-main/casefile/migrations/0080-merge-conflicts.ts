import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Conflicts a merge found, kept as records until someone resolves them (issue 17): an edit that
 * overwrote another made concurrently, a delete against an edit, a duplicate tombstoned, two
 * exhibits with one number, identical bytes on two exhibits. Each conflict's id and content are a
 * pure function of the two versions involved, so every copy that detects it (or receives it by a
 * merge) holds the same row; resolving it moves its hlc, and the later resolution wins on merge.
 * Values are JSON objects of the fields that differ (field -> stored value). src-main/merge/
 * conflicts*.ts depend on these rules.
 */
export const mergeConflicts: Migration = {
  version: 8,
  name: 'merge-conflicts',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE merge_conflict (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('edit_edit','delete_edit','duplicate','exhibit_number','same_content')),
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
  CREATE INDEX merge_conflict_by_record ON merge_conflict(record_id);
  CREATE INDEX merge_conflict_open ON merge_conflict(kept_at) WHERE resolution IS NULL;
  CREATE TRIGGER merge_conflict_no_delete BEFORE DELETE ON merge_conflict
    BEGIN SELECT RAISE(ABORT, 'merge_conflict rows are resolved, never deleted'); END;
`);
  },
};
