import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { listConflicts } from '../../../src-main/merge/listConflicts';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

const conflict = (id: string, kind: string) => ({
  id, kind, record_table: 'note', record_id: 'n1', fields: '["body"]', kept_value: '{"body":"b"}', lost_value: '{"body":"a"}',
  kept_hlc: '0000000000002.0000.x', lost_hlc: '0000000000001.0000.y', kept_by: 'Bob', lost_by: 'Alice', kept_at: 't2', lost_at: 't1', hlc: '0000000000002.0000.x',
});
const insert = `INSERT INTO merge_conflict (id, kind, record_table, record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at, hlc)
  VALUES (@id, @kind, @record_table, @record_id, @fields, @kept_value, @lost_value, @kept_hlc, @lost_hlc, @kept_by, @lost_by, @kept_at, @lost_at, @hlc)`;

describe('migration 0080 merge conflicts', () => {
  it('upgrades a v7 case file, keeping its rows; conflicts are checked, resolved rather than deleted', () => {
    const file = path.join(tempDir(), 'v7.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, file, MIGRATIONS.filter((m) => m.version <= 7));
    db.prepare(`INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', 'x', 'a', 'x', 'a', 'h')`).run();
    db.prepare(`INSERT INTO note (id, title, body, created_at, created_by, updated_at, updated_by, hlc) VALUES ('n1', 'Plan', 'b', 'x', 'a', 'x', 'a', 'h')`).run();
    db.close();
    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const d = caseFile.db;
      expect(d.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
      expect(d.prepare('SELECT title FROM case_info').pluck().get()).toBe('Old case');
      expect(d.prepare('SELECT body FROM note').pluck().get()).toBe('b');
      expect(listConflicts(caseFile)).toEqual([]);
      d.prepare(insert).run(conflict('k1', 'edit_edit'));
      expect(listConflicts(caseFile).map((c) => [c.id, c.fields, c.lost_value])).toEqual([['k1', ['body'], { body: 'a' }]]);
      expect(() => d.prepare(insert).run(conflict('k2', 'merged_badly'))).toThrow(/CHECK constraint/);
      expect(() => d.prepare(insert).run({ ...conflict('k3', 'edit_edit'), fields: '"body"' })).toThrow(/CHECK constraint/);
      expect(() => d.prepare("UPDATE merge_conflict SET resolution = 'kept' WHERE id = 'k1'").run()).toThrow(/CHECK constraint/);
      d.prepare("UPDATE merge_conflict SET resolution = 'kept', resolved_at = 't3', resolved_by = 'Alice' WHERE id = 'k1'").run();
      expect(() => d.prepare('DELETE FROM merge_conflict').run()).toThrow(/resolved, never deleted/);
    } finally {
      closeCaseFile(caseFile);
    }
  });
});
