import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import Database from 'better-sqlite3';
import { hashAuditEntry } from '../../../src-main/audit/appendAudit';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, track } from '../../helpers/testCase';

/**
 * A v4 case file as a v4 Dossier wrote it: schema 4, rows with their audit entries (hashed the v4
 * way, no seal digest), built with raw SQL since this code now writes seals.
 */
function v4CaseFile(): { file: string; siteId: string; noteId: string } {
  const file = path.join(tempDir(), 'v4.dossier');
  const db = new Database(file);
  db.pragma('page_size = 65536');
  db.pragma('journal_mode = DELETE');
  db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
  migrate(db, file, MIGRATIONS.filter((m) => m.version <= 4));
  const rec = `'2024-01-01T00:00:00.000Z', 'Alice', '2024-01-01T00:00:00.000Z', 'Alice'`;
  db.exec(`
    INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', ${rec}, '0001704067200000.0000.a');
    INSERT INTO website (id, raw_input, dedupe_key, host_unicode, host_ascii, created_at, created_by, updated_at, updated_by, hlc)
      VALUES ('w1', 'hotmailbox.me', 'hotmailbox.me', 'hotmailbox.me', 'hotmailbox.me', ${rec}, '0001704067200000.0001.a');
    INSERT INTO website_status_event (id, website_id, status, at, created_at, created_by, hlc)
      VALUES ('e1', 'w1', 'identified', '2024-01-01', '2024-01-01T00:00:00.000Z', 'Alice', '0001704067200000.0002.a');
    INSERT INTO note (id, title, body, created_at, created_by, updated_at, updated_by, hlc) VALUES ('n1', 'Plan', 'v4 body', ${rec}, '0001704067200000.0003.a');
  `);
  let prev = '0'.repeat(64);
  ['case.create', 'website.create', 'note.create'].forEach((action, i) => {
    const entry = { chain: 'a-1', seq: i + 1, at: '2024-01-01T00:00:00.000Z', actor: 'Alice', action, record_kind: null, record_id: null, detail: '{}', prev_hash: prev };
    const hash = hashAuditEntry(entry);
    db.prepare('INSERT INTO audit_entry (chain, seq, at, actor, action, record_kind, record_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      ...Object.values(entry), hash,
    );
    prev = hash;
  });
  db.close();
  return { file, siteId: 'w1', noteId: 'n1' };
}

describe('migration 0050 audit seals', () => {
  it('upgrades a v4 case file: a baseline seal for every record, audited as "baseline at upgrade", chain intact', () => {
    const { file, siteId, noteId } = v4CaseFile();
    expect(execFileSync('sqlite3', [file, 'PRAGMA user_version;'], { encoding: 'utf8' }).trim()).toBe('4');
    const cf = track(openCaseFile(file, { actor: ALICE }));
    expect(cf.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const baseline = cf.db.prepare("SELECT * FROM audit_entry WHERE action = 'audit.baseline' ORDER BY seq").all() as { chain: string; detail: string; seal_digest: string }[];
    expect(baseline.length).toBeGreaterThan(0);
    expect(baseline.every((e) => JSON.parse(e.detail).reason === 'baseline at upgrade' && e.seal_digest.length === 64)).toBe(true);
    const sealed = cf.db.prepare("SELECT record_table || ':' || record_id FROM audit_seal WHERE chain = ?").pluck().all(baseline[0]!.chain) as string[];
    expect(sealed).toEqual(expect.arrayContaining([`website:${siteId}`, `note:${noteId}`]));
    for (const table of ['case_info', 'website', 'note', 'website_status_event']) {
      const rows = cf.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      expect(sealed.filter((s) => s.startsWith(`${table}:`)), table).toHaveLength(rows);
    }
    expect(verifyAudit(cf.db).ok).toBe(true);
    expect(verifyRecordSeals(cf.db).findings).toEqual([]);
    expect(() => cf.db.prepare('DELETE FROM audit_seal').run()).toThrow(/append-only/);
    closeCaseFile(cf);
    // Edited after the upgrade, behind the app's back: found against the baseline.
    execFileSync('sqlite3', [file, `UPDATE note SET body = 'changed' WHERE id = '${noteId}';`]);
    const again = track(openCaseFile(file, { actor: ALICE }));
    expect(verifyRecordSeals(again.db).findings.map((f) => [f.table, f.id, f.fields])).toEqual([['note', noteId, ['body']]]);
    expect(fs.existsSync(`${file}.schema-v4.bak`)).toBe(true);
  });
});
