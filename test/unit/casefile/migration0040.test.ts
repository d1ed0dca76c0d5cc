import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

describe('migration 0040 packet exports', () => {
  it('upgrades a v2 case file, keeping its rows, and the new tables are append-only', () => {
    const file = path.join(tempDir(), 'v2.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, file, MIGRATIONS.filter((m) => m.version <= 2));
    db.prepare(
      `INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', 'x', 'a', 'x', 'a', 'h')`,
    ).run();
    db.close();
    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      expect(caseFile.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
      expect(caseFile.db.prepare('SELECT title FROM case_info').pluck().get()).toBe('Old case');
      caseFile.db.prepare(
        `INSERT INTO packet_export (id, exported_at, exported_by, file_name, volumes, options, bates_first, bates_last, total_pages, case_file_sha256, hlc)
         VALUES ('p1', 'x', 'a', 'p.pdf', '[]', '{}', 'A-1', 'A-2', 2, ?, 'h')`,
      ).run('0'.repeat(64));
      expect(() => caseFile.db.prepare("UPDATE packet_export SET file_name = 'q.pdf'").run()).toThrow(/append-only/);
      expect(() => caseFile.db.prepare('DELETE FROM packet_export').run()).toThrow(/append-only/);
    } finally {
      closeCaseFile(caseFile);
    }
  });
});
