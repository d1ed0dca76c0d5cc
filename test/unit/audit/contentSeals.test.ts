import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { addCustodyEvent } from '../../../src-main/evidence/custody';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { orderService } from '../../../src-main/orders/orderService';
import { importSiteList } from '../../../src-main/websites/importSiteList';
import { addWebsite, setWebsiteStatus } from '../../../src-main/websites/websiteService';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';
import { writeFile } from '../evidence/evidenceFiles';

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' });

async function buildCase() {
  const cf = newTestCase();
  const site = addWebsite(cf, { input: 'https://hotmailbox.me', role: 'marketplace' });
  setWebsiteStatus(cf, site.id, 'named_in_order', { at: '2023-12-07' });
  const note = noteService.create(cf, { title: 'Plan', body: 'Serve the registrars first.' });
  const order = orderService.create(cf, { title: 'TRO', docket: '1:23-cv-10685', court: 'SDNY', order_type: 'ex_parte_tro', granted_at: '2023-12-07' });
  const dir = tempDir();
  const { items } = await importEvidence(cf, [writeFile(dir, 'a.txt', 'first capture'), writeFile(dir, 'b.txt', 'second capture, other bytes')]);
  const [a, b] = items.map((i) => i.evidence);
  addCustodyEvent(cf, { evidence_id: a!.id, action: 'transferred', to_party: 'Counsel' });
  const list = path.join(dir, 'sites.csv');
  fs.writeFileSync(list, 'domain,registrar\n1stcaptcha.com,NameCheap\nanycaptcha.com,GoDaddy\nhotmailbox.me,Tucows\n');
  await importSiteList(cf, list, { orderId: order.id });
  return { cf, site, note, order, a: a!, b: b! };
}

describe('the audit chain covers content (schema 5 seals)', () => {
  it('vouches for every record the app wrote: records, status events, custody, bulk import', async () => {
    const { cf } = await buildCase();
    const result = verifyRecordSeals(cf.db);
    expect(result.findings).toEqual([]);
    expect(result.recordsChecked).toBeGreaterThan(10);
    expect(verifyAudit(cf.db).ok).toBe(true);
  });

  it('finds and names each edit made with sqlite3: website status, note body, order dates, exhibit re-pointed at other content with its hashes', async () => {
    const { cf, site, note, order, a, b } = await buildCase();
    const file = cf.path;
    closeCaseFile(cf);
    sqlite(file, `UPDATE website SET status = 'offline' WHERE id = '${site.id}';`);
    sqlite(file, `UPDATE note SET body = 'Serve nobody.' WHERE id = '${note.id}';`);
    sqlite(file, `UPDATE court_order SET granted_at = '2023-11-01', expires_at = '2024-11-01' WHERE id = '${order.id}';`);
    sqlite(
      file,
      `UPDATE evidence SET (content_sha256, sha256, sha1, md5, size_bytes) = (SELECT content_sha256, sha256, sha1, md5, size_bytes FROM evidence WHERE id = '${b.id}') WHERE id = '${a.id}';`,
    );
    const reopened = track(openCaseFile(file, { actor: ALICE }));
    expect(verifyAudit(reopened.db).ok).toBe(true); // the chain itself is intact: only content changed
    const { findings, ok } = verifyRecordSeals(reopened.db);
    expect(ok).toBe(false);
    const named = findings.map((f) => [f.kind, f.table, f.id, [...f.fields].sort()]);
    expect(named).toEqual(
      expect.arrayContaining([
        ['record_changed', 'website', site.id, ['status']],
        ['record_changed', 'note', note.id, ['body']],
        ['record_changed', 'court_order', order.id, ['expires_at', 'granted_at']],
        ['record_changed', 'evidence', a.id, ['content_sha256', 'md5', 'sha1', 'sha256', 'size_bytes']],
      ]),
    );
    expect(findings).toHaveLength(4);
  });

  it('finds a custody event altered after dropping its trigger, a record deleted and a record slipped in', async () => {
    const { cf, a, note } = await buildCase();
    const file = cf.path;
    closeCaseFile(cf);
    sqlite(file, `DROP TRIGGER custody_event_no_update; UPDATE custody_event SET to_party = 'Nobody' WHERE evidence_id = '${a.id}' AND action = 'transferred';`);
    sqlite(file, `DELETE FROM search_doc WHERE record_id = '${note.id}'; DELETE FROM note WHERE id = '${note.id}';`);
    sqlite(file, `INSERT INTO stakeholder (id, name, kind, created_at, created_by, updated_at, updated_by, hlc) VALUES ('planted', 'Planted', 'other', 'x', 'y', 'x', 'y', '9');`);
    const reopened = track(openCaseFile(file, { actor: ALICE }));
    const kinds = verifyRecordSeals(reopened.db).findings.map((f) => [f.kind, f.table, f.fields]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['record_changed', 'custody_event', ['to_party']],
        ['record_missing', 'note', []],
        ['record_unaudited', 'stakeholder', []],
      ]),
    );
  });

  it('a rollback of a record to an earlier audited version is found', async () => {
    const { cf, note } = await buildCase();
    const before = cf.db.prepare('SELECT * FROM note WHERE id = ?').get(note.id) as Record<string, unknown>;
    noteService.update(cf, note.id, { body: 'Serve the hosts first.' });
    const file = cf.path;
    closeCaseFile(cf);
    sqlite(file, `UPDATE note SET body = '${String(before.body)}', hlc = '${String(before.hlc)}', updated_at = '${String(before.updated_at)}' WHERE id = '${note.id}';`);
    const reopened = track(openCaseFile(file, { actor: ALICE }));
    expect(verifyRecordSeals(reopened.db).findings.map((f) => [f.table, f.id])).toEqual([['note', note.id]]);
  });

  it('a merge keeps both copies vouched for', async () => {
    const { cf, note } = await buildCase();
    const copyPath = path.join(tempDir(), 'bob.dossier');
    fs.copyFileSync(cf.path, copyPath);
    const bob = track(openCaseFile(copyPath, { actor: BOB }));
    noteService.update(bob, note.id, { body: 'Bob was here' });
    noteService.create(bob, { title: 'Bob note', body: 'x' });
    closeCaseFile(bob);
    noteService.update(cf, note.id, { title: 'Plan (Alice)' });
    mergeCaseFile(cf, copyPath);
    expect(verifyRecordSeals(cf.db).findings).toEqual([]);
    expect(verifyAudit(cf.db).ok).toBe(true);
  });
});

describe('record digests', () => {
  it('sealRow digests a row exactly as recordDigest and fieldDigests do (one serialisation for both)', async () => {
    const { recordDigest, fieldDigests, sealRow } = await import('../../../src-main/casefile/recordDigest');
    const row = { id: 'x1', zeta: 'ü\u2028"', alpha: null, n: 42, hlc: 'h', json: '["a"]', Upper: 'U' };
    expect(sealRow('note', row)).toEqual({ record_table: 'note', record_id: 'x1', record_hlc: 'h', digest: recordDigest(row), field_digests: fieldDigests(row) });
  });
});
