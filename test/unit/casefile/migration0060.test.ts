import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { listWebsites } from '../../../src-main/websites/websiteService';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

const WEBSITE_COLUMNS = `id, raw_input, dedupe_key, host_kind, host_unicode, host_ascii, registrable_domain, public_suffix, flags, flag_reasons,
  name_servers, ips, role, status, registrar, created_at, created_by, updated_at, updated_by, hlc, deleted_at`;

describe('migration 0060 website list indexes', () => {
  it('upgrades a v4 case file: rows kept, the list indexes built (live rows only), the old status index gone', () => {
    const file = path.join(tempDir(), 'v4.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, file, MIGRATIONS.filter((m) => m.version <= 5));
    db.prepare(`INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', 'x', 'a', 'x', 'a', 'h')`).run();
    const insert = db.prepare(
      `INSERT INTO website (${WEBSITE_COLUMNS}) VALUES (?, ?, ?, 'domain', ?, ?, ?, 'com', '[]', '[]', '[]', '[]', 'other', ?, ?, 'x', 'a', 'x', 'a', 'h', ?)`,
    );
    insert.run('w1', 'b.com', 'b.com', 'b.com', 'b.com', 'b.com', 'identified', 'Registrar B', null);
    insert.run('w2', 'a.com', 'a.com', 'a.com', 'a.com', 'a.com', 'served', null, null);
    insert.run('w3', 'gone.com', 'gone.com', 'gone.com', 'gone.com', 'gone.com', 'identified', null, '2026-01-01T00:00:00.000Z');
    db.close();

    const caseFile = openCaseFile(file, { actor: ALICE });
    try {
      expect(caseFile.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const indexes = caseFile.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'website' AND name LIKE 'website_%' ORDER BY name").pluck().all();
      expect(indexes).toEqual([
        'website_by_expiry', 'website_by_host', 'website_live_by_expires', 'website_live_by_host', 'website_live_by_registrar',
        'website_live_by_status', 'website_live_by_status_host', 'website_unique_live',
      ]);
      // Partial: the deleted site is in no live index.
      const live = caseFile.db.prepare('SELECT id FROM website INDEXED BY website_live_by_host WHERE deleted_at IS NULL ORDER BY host_ascii').pluck().all();
      expect(live).toEqual(['w2', 'w1']);
      expect(listWebsites(caseFile, { sort: 'registrar', direction: 'desc' }).items.map((w) => w.id)).toEqual(['w1', 'w2']);
      expect(listWebsites(caseFile, { status: 'identified', sort: 'host' }).items.map((w) => w.id)).toEqual(['w1']);
      expect(caseFile.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    } finally {
      closeCaseFile(caseFile);
    }
  });
});
