import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

describe('migration 0070 web captures', () => {
  it('upgrades a v4 case file, keeping its rows; records and pages are append-only and a capture changes only while importing', () => {
    const file = path.join(tempDir(), 'v4.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, file, MIGRATIONS.filter((m) => m.version <= 6));
    db.prepare(`INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', 'x', 'a', 'x', 'a', 'h')`).run();
    db.close();
    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      const d = caseFile.db;
      expect(d.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(d.prepare('SELECT title FROM case_info').pluck().get()).toBe('Old case');
      const sha = 'a'.repeat(64);
      d.prepare(`INSERT INTO evidence_content (sha256, sha1, md5, size_bytes, chunk_count, stored_at) VALUES (?, ?, ?, 0, 0, 'x')`).run(sha, 'b'.repeat(40), 'c'.repeat(32));
      d.prepare(
        `INSERT INTO evidence (id, exhibit_number, exhibit_label, title, kind, content_sha256, created_at, created_by, updated_at, updated_by, hlc)
         VALUES ('e1', 1, 'Exhibit 1', 'shop.warc', 'web_capture', ?, 'x', 'a', 'x', 'a', 'h')`,
      ).run(sha);
      d.prepare(`INSERT INTO capture (id, evidence_id, content_sha256, format, import_status, created_at, created_by, hlc) VALUES ('k1', 'e1', ?, 'warc', 'importing', 'x', 'a', 'h')`).run(sha);
      d.prepare(`INSERT INTO capture_record (id, capture_id, seq, record_id, record_type, digest_status) VALUES ('r1', 'k1', 0, 'urn:uuid:1', 'warcinfo', 'computed')`).run();
      d.prepare(`INSERT INTO capture_page (id, capture_id, record_id, url) VALUES ('p1', 'k1', 'r1', 'http://shop.example/')`).run();
      d.prepare(`UPDATE capture SET import_status = 'complete', record_count = 1 WHERE id = 'k1'`).run();
      expect(() => d.prepare(`UPDATE capture SET import_status = 'partial' WHERE id = 'k1'`).run()).toThrow(/only while it is importing/);
      expect(() => d.prepare(`UPDATE capture_record SET ip = '1.2.3.4'`).run()).toThrow(/append-only/);
      expect(() => d.prepare(`DELETE FROM capture_page`).run()).toThrow(/append-only/);
      expect(() => d.prepare(`DELETE FROM capture`).run()).toThrow(/append-only/);
    } finally {
      closeCaseFile(caseFile);
    }
  });
});
