import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

const columns = `id, kind, record_table, record_id, other_record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at,
  resolution, resolved_value, resolved_at, resolved_by, hlc`;

function insertConflict(db: Database.Database, id: string, kind: string, resolved: boolean): void {
  db.prepare(`INSERT INTO merge_conflict (${columns}) VALUES (?, ?, 'note', 'n1', NULL, '["body"]', '{"body":"kept"}', '{"body":"lost"}', 'h2', 'h1', 'Alice', 'Bob', 't2', 't1', ?, ?, ?, ?, 'h3')`).run(
    id,
    kind,
    resolved ? 'kept' : null,
    resolved ? '{"body":"kept"}' : null,
    resolved ? 't4' : null,
    resolved ? 'Alice' : null,
  );
}

function schemaOf(db: Database.Database, names: readonly string[]): string[] {
  return db.prepare(`SELECT type || ' ' || name FROM sqlite_master WHERE tbl_name IN (${names.map(() => '?').join(', ')}) ORDER BY 1`).pluck().all(...names) as string[];
}

describe('migration 0110 bates-overlap conflicts', () => {
  it('upgrades a version-10 case file holding conflicts: rows, indexes and the no-delete rule kept; bates_overlap accepted, unknown kinds still refused', () => {
    const file = path.join(tempDir(), 'before.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, file, MIGRATIONS.filter((m) => m.version <= 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    insertConflict(db, 'c-open', 'edit_edit', false);
    insertConflict(db, 'c-done', 'duplicate', true);
    expect(() => insertConflict(db, 'c-bates', 'bates_overlap', false)).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM merge_conflict ORDER BY id').all();
    const objectsBefore = schemaOf(db, ['merge_conflict']);
    db.close();

    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const d = caseFile.db;
      expect(d.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(d.prepare('SELECT * FROM merge_conflict ORDER BY id').all()).toEqual(before);
      expect(schemaOf(d, ['merge_conflict'])).toEqual(objectsBefore);
      expect(d.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'merge_conflict_v%'").pluck().get()).toBe(0);
      // The open-conflicts index still answers the badge's question.
      const plan = d.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM merge_conflict WHERE resolution IS NULL').all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/merge_conflict_open/);
      insertConflict(d as Database.Database, 'c-bates', 'bates_overlap', false);
      expect(() => insertConflict(d as Database.Database, 'c-bad', 'page_overlap', false)).toThrow(/CHECK/);
      expect(() => d.prepare("DELETE FROM merge_conflict WHERE id = 'c-open'").run()).toThrow(/never deleted/);
      expect(d.prepare('SELECT count(*) FROM merge_conflict').pluck().get()).toBe(3);
      expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCaseFile(caseFile);
    }
  });
});
