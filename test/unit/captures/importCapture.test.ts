import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginCaptureImport, importCapture, reparseCapture } from '../../../src-main/captures/importCapture';
import { closeCaseFile } from '../../../src-main/casefile/openCaseFile';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { openImportConnection } from '../../../src-main/evidence/openImportConnection';
import { listCaptureRecords, listCaptures } from '../../../src-main/captures/captureRows';
import { listCustody } from '../../../src-main/evidence/custody';
import { searchCase } from '../../../src-main/search/searchCase';
import { addWebsite, getWebsite, websiteStatusHistory } from '../../../src-main/websites/websiteService';
import { linkedItems } from '../../../src-main/items/linkedItems';
import { captureRecords, SITE_PATHS, startCapturedSite, VIETNAMESE_TEXT, writeWacz } from '../../helpers/captureFixtures';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

let site: Awaited<ReturnType<typeof startCapturedSite>>;
let plain: Buffer[];
let gzipped: Buffer[];

beforeAll(async () => {
  site = await startCapturedSite();
  plain = await captureRecords(site.base, [...SITE_PATHS, '/vn']);
  gzipped = await captureRecords(site.base, SITE_PATHS, { gzip: true });
});
afterAll(() => site.close());

function writeFile(name: string, bytes: Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('capture import (WARC)', () => {
  it('stores the file byte-exact as one exhibit and parses every record with verified digests, offsets and HTTP facts', async () => {
    const caseFile = newTestCase();
    const bytes = Buffer.concat(plain);
    const file = writeFile('shop.warc', bytes);
    const result = await importCapture(caseFile, file);
    expect(result.capture.import_status).toBe('complete');
    expect(result.capture.problems).toEqual([]);
    expect(result.capture.tool).toBe('Dossier test crawler 1.2');
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    // warcinfo + (request, response) per path
    expect(records).toHaveLength(1 + 2 * 6);
    expect(records[0]!.record_type).toBe('warcinfo');
    const responses = records.filter((r) => r.record_type === 'response');
    expect(responses.map((r) => r.http_status)).toEqual([200, 200, 200, 302, 404, 200]);
    expect(responses.every((r) => r.digest_status === 'verified')).toBe(true);
    expect(responses[2]!.content_type).toBe('image/png');
    expect(responses[0]!.ip).toBe('127.0.0.1');
    // Offsets point at each record in the stored file: the bytes there start with the WARC version line.
    for (const record of records) {
      expect(bytes.subarray(record.offset!, record.offset! + 9).toString()).toBe('WARC/1.1\r');
      expect(bytes.subarray(record.offset!, record.offset! + record.length!).toString('latin1')).toContain(record.record_id);
    }
    const evidence = caseFile.db.prepare('SELECT kind, sha256, size_bytes FROM evidence WHERE id = ?').get(result.evidence_id) as { kind: string; size_bytes: number };
    expect(evidence.kind).toBe('web_capture');
    expect(evidence.size_bytes).toBe(bytes.length);
    // Pages: HTML responses that are not redirects (the shop, the 404 page, the Vietnamese page).
    expect(result.pages.map((p) => [new URL(p.url).pathname, p.http_status, p.title])).toEqual([
      ['/', 200, 'Hotmailbox accounts for sale'],
      ['/missing', 404, 'Not found'],
      ['/vn', 200, VIETNAMESE_TEXT],
    ]);
    const custody = listCustody(caseFile, result.evidence_id);
    expect(custody.map((c) => c.action)).toEqual(['imported', 'note']);
    expect(custody[1]!.details).toContain('Capture tool: Dossier test crawler 1.2 (as the archive records it).');
  });

  it('reads Windows-1258 Vietnamese HTML in its declared charset and makes it searchable', async () => {
    const caseFile = newTestCase();
    const result = await importCapture(caseFile, writeFile('vn.warc', Buffer.concat(plain)));
    const hits = searchCase(caseFile, 'tài khoản');
    expect(hits.map((h) => h.id)).toContain(result.evidence_id);
    expect(searchCase(caseFile, 'xyzzy').map((h) => h.id)).toEqual([result.evidence_id]);
  });

  it('reads the gzipped form with offsets of each gzip member', async () => {
    const caseFile = newTestCase();
    const bytes = Buffer.concat(gzipped);
    const result = await importCapture(caseFile, writeFile('shop.warc.gz', bytes));
    expect(result.capture.format).toBe('warc.gz');
    expect(result.capture.import_status).toBe('complete');
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    expect(records).toHaveLength(11);
    for (const record of records) {
      const member = zlib.gunzipSync(bytes.subarray(record.offset!, record.offset! + record.length!));
      expect(member.toString('latin1')).toContain(record.record_id);
    }
  });

  it('names a record whose payload no longer matches its WARC-Payload-Digest, and keeps importing', async () => {
    const caseFile = newTestCase();
    const bytes = Buffer.concat(plain);
    const at = bytes.indexOf('Bulk Hotmail accounts');
    bytes.write('Bulk Hotmail ACCOUNTS', at);
    const result = await importCapture(caseFile, writeFile('tampered.warc', bytes));
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    const bad = records.filter((r) => r.digest_status === 'mismatch');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.target_uri).toBe(`${site.base}/`);
    expect(result.capture.problems).toHaveLength(1);
    expect(result.capture.problems[0]!.message).toContain(bad[0]!.record_id);
    expect(result.capture.problems[0]!.message).toContain('WARC-Payload-Digest');
    expect(result.capture.problems[0]!.offset).toBe(bad[0]!.offset);
    // Fully read: the import is complete, and the rest of the records are there.
    expect(result.capture.import_status).toBe('complete');
    expect(records).toHaveLength(13);
  });

  it('reports a WARC truncated mid-record with its offset, keeps the records before it, and marks the capture partial', async () => {
    const caseFile = newTestCase();
    const whole = Buffer.concat(plain.slice(0, 7));
    const cutAt = whole.length - 40;
    const result = await importCapture(caseFile, writeFile('cut.warc', whole.subarray(0, cutAt)));
    expect(result.capture.import_status).toBe('partial');
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    expect(records).toHaveLength(7);
    expect(records[6]!.digest_status).toBe('truncated');
    const lastOffset = Buffer.concat(plain.slice(0, 6)).length;
    expect(records[6]!.offset).toBe(lastOffset);
    expect(result.capture.problems.map((p) => p.offset)).toContain(lastOffset);
    expect(result.capture.problems[0]!.message).toMatch(/cut short/);
  });

  it('does not list a page whose HTML is cut short in the archive (the problem names it instead)', async () => {
    const caseFile = newTestCase();
    const whole = Buffer.concat(plain);
    const result = await importCapture(caseFile, writeFile('cut-page.warc', whole.subarray(0, whole.length - 30)));
    expect(result.capture.import_status).toBe('partial');
    expect(result.pages.map((p) => new URL(p.url).pathname)).toEqual(['/', '/missing']);
    expect(result.capture.problems[0]!.message).toMatch(/cut short/);
  });

  it('reports a record with a damaged Content-Length by its offset and resumes at the next record', async () => {
    const caseFile = newTestCase();
    const bytes = Buffer.concat(plain);
    const damagedOffset = Buffer.concat(plain.slice(0, 4)).length;
    const lengthAt = bytes.indexOf('Content-Length: ', damagedOffset);
    bytes.write('Content-Length: x', lengthAt);
    const result = await importCapture(caseFile, writeFile('damaged.warc', bytes));
    expect(result.capture.import_status).toBe('partial');
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    expect(records.find((r) => r.offset === damagedOffset)).toMatchObject({ digest_status: 'truncated' });
    expect(result.capture.problems[0]).toMatchObject({ offset: damagedOffset });
    expect(result.capture.problems[0]!.message).toMatch(/no valid Content-Length/);
    expect(result.capture.problems[1]!.message).toMatch(/Reading resumed at offset \d+/);
    // Every record after the damaged one is still there, at its own offset.
    const after = plain.slice(5).map((_, i) => Buffer.concat(plain.slice(0, 5 + i)).length);
    expect(records.filter((r) => r.offset! > damagedOffset).map((r) => r.offset)).toEqual(after);
    expect(result.pages.map((p) => new URL(p.url).pathname)).toContain('/vn');
  });

  it('reports a truncated .warc.gz (last gzip member cut) with the offset where reading stopped', async () => {
    const caseFile = newTestCase();
    const whole = Buffer.concat(gzipped);
    const result = await importCapture(caseFile, writeFile('cut.warc.gz', whole.subarray(0, whole.length - 30)));
    expect(result.capture.import_status).toBe('partial');
    const before = Buffer.concat(gzipped.slice(0, -1)).length;
    expect(result.capture.problems.map((p) => p.offset)).toEqual([before]);
    expect(listCaptureRecords(caseFile.db, result.capture.id)).toHaveLength(10);
  });

  it('resumes a .warc.gz at the next gzip member after a damaged one, and reports both offsets', async () => {
    const caseFile = newTestCase();
    const damagedIndex = 4;
    const offsets = gzipped.map((_, i) => Buffer.concat(gzipped.slice(0, i)).length);
    const bytes = Buffer.concat(gzipped);
    // Scribble over the middle of one member's deflate data.
    const member = gzipped[damagedIndex]!;
    bytes.fill(0xff, offsets[damagedIndex]! + Math.floor(member.length / 2), offsets[damagedIndex]! + Math.floor(member.length / 2) + 16);
    const result = await importCapture(caseFile, writeFile('damaged.warc.gz', bytes));
    expect(result.capture.import_status).toBe('partial');
    const problems = result.capture.problems;
    expect(problems[0]).toMatchObject({ offset: offsets[damagedIndex] });
    expect(problems.some((p) => p.offset === offsets[damagedIndex + 1] && /Reading resumed at offset \d+/.test(p.message))).toBe(true);
    // Every member after the damaged one is read, at its own offset.
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    expect(records.filter((r) => r.offset! > offsets[damagedIndex]!).map((r) => r.offset)).toEqual(offsets.slice(damagedIndex + 1));
    expect(records.filter((r) => r.offset! < offsets[damagedIndex]!).map((r) => r.offset)).toEqual(offsets.slice(0, damagedIndex));
    expect(result.pages.map((p) => new URL(p.url).pathname)).toContain('/missing');
  });

  it('links captured hosts to the case websites with the capture time and puts "evidence captured" on their lifecycle', async () => {
    const caseFile = newTestCase();
    const shop = addWebsite(caseFile, { input: site.base });
    const result = await importCapture(caseFile, writeFile('shop.warc', Buffer.concat(plain)));
    const firstCapture = result.pages.map((p) => p.captured_at!).sort()[0]!;
    expect(result.websites).toEqual([{ id: shop.id, host: '127.0.0.1', created: false, captured_at: firstCapture }]);
    const history = websiteStatusHistory(caseFile, shop.id);
    // The capture happened before the site was recorded here: the lifecycle shows it at its own date.
    const captured = history.filter((h) => h.status === 'evidence_captured');
    expect(captured.map((h) => [h.evidence_id, h.at])).toEqual([[result.evidence_id, firstCapture]]);
    expect(history.map((h) => h.status).sort()).toEqual(['evidence_captured', 'identified']);
    expect(getWebsite(caseFile, shop.id).status).toBe('evidence_captured');
    const links = linkedItems(caseFile, shop.id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ id: result.evidence_id, relation: 'captured' });
  });

  it('leaves unknown hosts unlinked unless --create-sites adds them', async () => {
    const caseFile = newTestCase();
    const first = await importCapture(caseFile, writeFile('a.warc', Buffer.concat(plain)));
    expect(first.websites).toEqual([]);
    expect(first.unmatched_hosts).toEqual(['127.0.0.1']);
    const second = await importCapture(caseFile, writeFile('b.warc.gz', Buffer.concat(gzipped)), { createSites: true });
    expect(second.websites).toHaveLength(1);
    expect(second.websites[0]!.created).toBe(true);
    expect(getWebsite(caseFile, second.websites[0]!.id).status).toBe('evidence_captured');
  });

  it('--website links the capture to a chosen website whatever its hosts; an unknown website id stores nothing', async () => {
    const caseFile = newTestCase();
    const chosen = addWebsite(caseFile, { input: 'hotmailbox.me' });
    const result = await importCapture(caseFile, writeFile('shop.warc', Buffer.concat(plain)), { websiteId: chosen.id });
    expect(result.websites).toEqual([{ id: chosen.id, host: 'hotmailbox.me', created: false, captured_at: expect.stringMatching(/Z$/) }]);
    expect(result.unmatched_hosts).toEqual(['127.0.0.1']);
    expect(linkedItems(caseFile, chosen.id).map((l) => [l.id, l.relation])).toEqual([[result.evidence_id, 'captured']]);
    await expect(importCapture(caseFile, writeFile('again.warc.gz', Buffer.concat(gzipped)), { websiteId: '01900000-0000-7000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(caseFile.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(1);
  });

  it('refuses a file that is no web capture before storing anything', async () => {
    const caseFile = newTestCase();
    await expect(importCapture(caseFile, writeFile('notes.txt', Buffer.from('hello')))).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(caseFile.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
  });
});

describe('capture import (WACZ)', () => {
  it('verifies datapackage.json hashes, reads pages.jsonl, and imports the pages it lists', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.wacz');
    const first = plain.find((r) => r.includes('WARC-Type: response'))!;
    const ts = /WARC-Date: (\S+)/.exec(first.toString('latin1'))![1]!;
    writeWacz(file, Buffer.concat(gzipped), [{ url: `${site.base}/`, ts, title: 'Shop front' }]);
    const result = await importCapture(caseFile, file);
    expect(result.capture.format).toBe('wacz');
    expect(result.capture.import_status).toBe('complete');
    expect(result.capture.problems).toEqual([]);
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toMatchObject({ url: `${site.base}/`, listed: true, title: 'Hotmailbox accounts for sale', http_status: 200 });
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    expect(records).toHaveLength(11);
    expect(records.every((r) => r.member === 'archive/data.warc.gz')).toBe(true);
  });

  it('names a WACZ member whose hash does not match datapackage.json and marks the capture partial', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'tampered.wacz');
    writeWacz(file, Buffer.concat(gzipped), [{ url: `${site.base}/`, ts: '2024-01-01T00:00:00Z' }], { tamperAfterHash: true });
    const result = await importCapture(caseFile, file);
    expect(result.capture.import_status).toBe('partial');
    expect(result.capture.problems.map((p) => p.member)).toContain('pages/pages.jsonl');
    expect(result.capture.problems.find((p) => p.member === 'pages/pages.jsonl')!.message).toMatch(/does not match datapackage.json/);
  });
});

describe('capture reparse', () => {
  it('parses a capture left importing by a crash into the same records and pages a fresh import gives, once', async () => {
    const bytes = Buffer.concat(plain);
    const file = writeFile('shop.warc', bytes);
    const freshCase = newTestCase();
    const fresh = await importCapture(freshCase, file);

    const caseFile = newTestCase();
    const stored = (await importEvidence(caseFile, [file], { kind: 'web_capture' })).items[0]!.evidence;
    const connection = openImportConnection(caseFile);
    const captureId = beginCaptureImport(connection, stored.id, stored.content_sha256!, 'warc');
    closeCaseFile(connection);
    expect(listCaptures(caseFile.db, stored.id).map((c) => c.import_status)).toEqual(['importing']);

    const reparsed = await reparseCapture(caseFile, stored.id);
    expect(reparsed.capture).toMatchObject({ id: captureId, import_status: 'complete', record_count: fresh.capture.record_count, problems: [] });
    const strip = (r: ReturnType<typeof listCaptureRecords>[number]) => ({ ...r, id: undefined, capture_id: undefined });
    expect(listCaptureRecords(caseFile.db, captureId).map(strip)).toEqual(listCaptureRecords(freshCase.db, fresh.capture.id).map(strip));
    expect(reparsed.pages.map((p) => [p.url, p.title, p.http_status, p.captured_at])).toEqual(fresh.pages.map((p) => [p.url, p.title, p.http_status, p.captured_at]));
    expect(searchCase(caseFile, 'tài khoản').length).toBeGreaterThan(0);

    await expect(reparseCapture(caseFile, stored.id)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(listCaptures(caseFile.db, stored.id)).toHaveLength(1);
  });

  it('parses an exhibit stored as a web capture whose capture was never recorded (a crash right after storing); refuses other exhibits', async () => {
    const caseFile = newTestCase();
    const file = writeFile('shop.warc.gz', Buffer.concat(gzipped));
    const stored = (await importEvidence(caseFile, [file], { kind: 'web_capture' })).items[0]!.evidence;
    expect(listCaptures(caseFile.db, stored.id)).toEqual([]);
    const reparsed = await reparseCapture(caseFile, stored.id);
    expect(reparsed.capture).toMatchObject({ format: 'warc.gz', import_status: 'complete', record_count: gzipped.length });
    expect(listCaptures(caseFile.db, stored.id)).toHaveLength(1);
    const note = (await importEvidence(caseFile, [writeFile('note.txt', Buffer.from('not a capture'))], {})).items[0]!.evidence;
    await expect(reparseCapture(caseFile, note.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('importing the same capture twice', () => {
  it('refuses an archive whose bytes a capture exhibit already holds, naming that exhibit; --again allows it', async () => {
    const caseFile = newTestCase();
    const bytes = Buffer.concat(plain);
    const first = await importCapture(caseFile, writeFile('shop.warc', bytes));
    const exhibits = () => caseFile.db.prepare('SELECT count(*) FROM evidence').pluck().get();
    // The same bytes under another name are the same archive.
    const copy = writeFile('shop-copy.warc', bytes);
    const refused = importCapture(caseFile, copy);
    await expect(refused).rejects.toMatchObject({ code: 'ALREADY_EXISTS', details: { evidence_id: first.evidence_id, capture_id: first.capture.id } });
    await expect(importCapture(caseFile, copy)).rejects.toThrow(/shop-copy\.warc is already in this case as Exhibit 1 .*--again/);
    expect(exhibits()).toBe(1);
    expect(listCaptures(caseFile.db)).toHaveLength(1);

    // Same size, one byte different: a different archive, imported.
    const changed = Buffer.from(bytes);
    changed.write('X', changed.indexOf('Dossier test crawler'));
    const other = await importCapture(caseFile, writeFile('other.warc', changed));
    expect(other.evidence_id).not.toBe(first.evidence_id);

    const again = await importCapture(caseFile, copy, { again: true });
    expect(again.capture.import_status).toBe('complete');
    expect(again.evidence_id).not.toBe(first.evidence_id);
    expect(listCaptures(caseFile.db)).toHaveLength(3);
  });
});
