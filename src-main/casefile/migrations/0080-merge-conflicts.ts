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
 *
 * Field stamps (field_stamp): the clock stamp of the version that last set each field of a record,
 * kept by a trigger on every record table (any UPDATE that moves a row's hlc stamps the columns it
 * changed with that hlc), so a merge can take each field from the copy that changed it last
 * (per-field last-writer-wins: concurrent edits of different fields both survive). A field with no
 * stamp was last set when the record was created or before schema 8; merge/fieldMerge.ts reads it
 * as older than any stamped change. Merges copy a version's stamps with the version.
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

  CREATE TABLE field_stamp (
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (record_table, record_id, field)
  ) STRICT, WITHOUT ROWID;
`);
    // The record tables as they stand at schema 7; a column added later has no trigger and merges
    // with its record (src-main/merge/fieldMerge.ts). Change together with MUTABLE_TABLES.
    const bookkeeping = new Set(['id', 'hlc', 'updated_at', 'updated_by', 'created_at', 'created_by']);
    for (const table of ['case_info', 'evidence', 'website', 'court_order', 'stakeholder', 'note', 'link', 'team_member']) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[]).filter((c) => !bookkeeping.has(c));
      const stamps = columns.map(
        (c) =>
          `    INSERT INTO field_stamp (record_table, record_id, field, hlc) SELECT '${table}', NEW.id, '${c}', NEW.hlc WHERE NEW.${c} IS NOT OLD.${c}\n` +
          `      ON CONFLICT (record_table, record_id, field) DO UPDATE SET hlc = excluded.hlc;`,
      );
      db.exec(`CREATE TRIGGER ${table}_field_stamps AFTER UPDATE ON ${table} FOR EACH ROW WHEN NEW.hlc IS NOT OLD.hlc\n  BEGIN\n${stamps.join('\n')}\n  END;`);
    }
  },
};
