import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

const common = `'x', 'a', 'x', 'a', 'h'`;

describe('migration 0100 redactions', () => {
  it('upgrades a case file of the version before it, keeping its rows; the table refuses rows that are neither text nor box, bad categories and undecided decisions', () => {
    const file = path.join(tempDir(), 'before.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, file, MIGRATIONS.filter((m) => m.version < 10));
    db.prepare(`INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', ${common})`).run();
    const sha = 'a'.repeat(64);
    db.prepare(`INSERT INTO evidence_content (sha256, sha1, md5, size_bytes, chunk_count, stored_at) VALUES (?, ?, ?, 0, 0, 'x')`).run(sha, 'b'.repeat(40), 'c'.repeat(32));
    db.prepare(
      `INSERT INTO evidence (id, exhibit_number, exhibit_label, title, kind, content_sha256, created_at, created_by, updated_at, updated_by, hlc)
       VALUES ('e1', 1, 'Exhibit 1', 'payments.csv', 'document', ?, ${common})`,
    ).run(sha);
    db.close();
    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const d = caseFile.db;
      expect(d.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(d.prepare('SELECT exhibit_label FROM evidence').pluck().get()).toBe('Exhibit 1');
      const insert = (id: string, values: string) =>
        d.prepare(`INSERT INTO redaction (id, evidence_id, source, category, value, box, status, decided_at, created_at, created_by, updated_at, updated_by, hlc) VALUES ('${id}', 'e1', ${values}, ${common})`).run();
      insert('r1', `'detected', 'ssn', '123-45-6789', NULL, 'pending', NULL`);
      insert('r2', `'manual', 'other', NULL, '{"x":1,"y":2,"w":3,"h":4}', 'accepted', 'x'`);
      expect(() => insert('r3', `'manual', 'other', NULL, NULL, 'accepted', 'x'`)).toThrow(/CHECK/);
      expect(() => insert('r4', `'detected', 'passport', 'X1', NULL, 'pending', NULL`)).toThrow(/CHECK/);
      expect(() => insert('r5', `'detected', 'ssn', '1', NULL, 'accepted', NULL`)).toThrow(/CHECK/);
      expect(() => insert('r6', `'detected', 'ssn', '1', '{"y":2}', 'pending', NULL`)).toThrow(/CHECK/);
      expect(() => d.prepare(`INSERT INTO redaction (id, evidence_id, source, category, value, created_at, created_by, updated_at, updated_by, hlc) VALUES ('r7', 'nope', 'manual', 'other', 'v', ${common})`).run()).toThrow(/FOREIGN KEY/);
      expect(d.prepare('SELECT count(*) FROM redaction').pluck().get()).toBe(2);
    } finally {
      closeCaseFile(caseFile);
    }
  });
});
