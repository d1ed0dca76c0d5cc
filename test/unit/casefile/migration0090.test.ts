import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { productions } from '../../../src-main/casefile/migrations/0090-productions';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

describe('migration 0090 productions', () => {
  it('upgrades a case file of the version before it, keeping its packet exports; productions are append-only', () => {
    const file = path.join(tempDir(), 'old.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, file, MIGRATIONS.filter((m) => m.version < productions.version));
    db.prepare(`INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', 'x', 'a', 'x', 'a', 'h')`).run();
    db.prepare(
      `INSERT INTO packet_export (id, exported_at, exported_by, file_name, volumes, options, bates_first, bates_last, total_pages, case_file_sha256, hlc)
       VALUES ('p1', 'x', 'a', 'old.pdf', '[]', '{}', 'A-1', 'A-9', 9, ?, 'h')`,
    ).run('d'.repeat(64));
    db.close();
    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const d = caseFile.db;
      expect(d.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(d.prepare('SELECT file_name FROM packet_export').pluck().get()).toBe('old.pdf');
      const insert = d.prepare(
        `INSERT INTO production (id, created_at, created_by, cutoff_at, draft, bates_prefix, bates_padding, bates_first, bates_last, exhibit_ids, frozen_input, hlc)
         VALUES (?, 'x', 'a', 'x', ?, 'STORM-', 6, ?, ?, '[]', '{}', 'h')`,
      );
      insert.run('r1', 0, 1, 20);
      expect(() => insert.run('r2', 0, 30, 20)).toThrow(/CHECK constraint/);
      expect(() => insert.run('r3', 2, 1, 2)).toThrow(/CHECK constraint/);
      expect(() => d.prepare(`UPDATE production SET bates_last = 21`).run()).toThrow(/append-only/);
      expect(() => d.prepare(`DELETE FROM production`).run()).toThrow(/append-only/);
    } finally {
      closeCaseFile(caseFile);
    }
  });
});
