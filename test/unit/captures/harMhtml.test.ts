import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCaptureRecords } from '../../../src-main/captures/captureRows';
import { importCapture } from '../../../src-main/captures/importCapture';
import { resolveCaptureResource } from '../../../src-main/captures/resolveCaptureResource';
import { samplePng } from '../../helpers/captureFixtures';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

const SHOP = 'https://hotmailbox.example/';

function harFile(): string {
  const png = samplePng();
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'Firefox', version: '128.0' },
      pages: [{ id: 'page_1', startedDateTime: '2023-11-02T10:00:00.000Z', title: 'Shop' }],
      entries: [
        {
          pageref: 'page_1',
          startedDateTime: '2023-11-02T10:00:00.100Z',
          serverIPAddress: '203.0.113.7',
          request: { url: SHOP },
          response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }], content: { mimeType: 'text/html; charset=utf-8', text: '<html><head><title>Hotmailbox shop</title></head><body>Accounts <img src="/logo.png"></body></html>' } },
        },
        {
          pageref: 'page_1',
          startedDateTime: '2023-11-02T10:00:00.200Z',
          serverIPAddress: '203.0.113.7',
          request: { url: `${SHOP}logo.png` },
          response: { status: 200, headers: [], content: { mimeType: 'image/png', text: png.toString('base64'), encoding: 'base64' } },
        },
      ],
    },
  };
  const file = path.join(tempDir(), 'shop.har');
  fs.writeFileSync(file, JSON.stringify(har));
  return file;
}

function mhtmlFile(): string {
  const png = samplePng().toString('base64');
  const text = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${SHOP}`,
    'Subject: Hotmailbox shop',
    'Date: Thu, 2 Nov 2023 10:00:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"',
    '',
    '------MultipartBoundary--abc',
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${SHOP}`,
    '',
    '<html><head><title>Hotmailbox shop</title></head><body>Accounts for sale, caf=C3=A9 =',
    'prices<img src=3D"logo.png"></body></html>',
    '------MultipartBoundary--abc',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    `Content-Location: ${SHOP}logo.png`,
    '',
    png,
    '------MultipartBoundary--abc--',
    '',
  ].join('\r\n');
  const file = path.join(tempDir(), 'shop.mhtml');
  fs.writeFileSync(file, text);
  return file;
}

describe('HAR and MHTML captures', () => {
  it('imports a HAR: entries become records with IP and status, its page list gives the page, the creator is the tool', async () => {
    const caseFile = newTestCase();
    const result = await importCapture(caseFile, harFile());
    expect(result.capture).toMatchObject({ format: 'har', import_status: 'complete', tool: 'Firefox 128.0', record_count: 2, page_count: 1 });
    expect(result.pages[0]).toMatchObject({ url: SHOP, title: 'Hotmailbox shop', http_status: 200, listed: true });
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    expect(records.map((r) => [r.ip, r.http_status, r.content_type])).toEqual([
      ['203.0.113.7', 200, 'text/html; charset=utf-8'],
      ['203.0.113.7', 200, 'image/png'],
    ]);
    const logo = await resolveCaptureResource(caseFile.db, result.capture.id, `${SHOP}logo.png`);
    expect(Buffer.from(logo!.body_base64, 'base64').equals(samplePng())).toBe(true);
  });

  it('imports an MHTML page: parts become records with offsets, quoted-printable and base64 undone', async () => {
    const caseFile = newTestCase();
    const file = mhtmlFile();
    const result = await importCapture(caseFile, file);
    expect(result.capture).toMatchObject({ format: 'mhtml', import_status: 'complete', record_count: 2, page_count: 1 });
    expect(result.pages[0]).toMatchObject({ url: SHOP, title: 'Hotmailbox shop', captured_at: '2023-11-02T10:00:00.000Z' });
    const records = listCaptureRecords(caseFile.db, result.capture.id);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(records[0]!.offset!, records[0]!.offset! + 6).toString()).toBe('<html>');
    const page = await resolveCaptureResource(caseFile.db, result.capture.id, SHOP);
    expect(Buffer.from(page!.body_base64, 'base64').toString('utf8')).toContain('Accounts for sale, café prices');
    const logo = await resolveCaptureResource(caseFile.db, result.capture.id, `${SHOP}logo.png`);
    expect(Buffer.from(logo!.body_base64, 'base64').equals(samplePng())).toBe(true);
  });

  it('a truncated HAR is kept as an exhibit and its capture says partial, naming why', async () => {
    const caseFile = newTestCase();
    const whole = fs.readFileSync(harFile());
    const cut = path.join(tempDir(), 'cut.har');
    fs.writeFileSync(cut, whole.subarray(0, whole.length - 50));
    const result = await importCapture(caseFile, cut);
    expect(result.capture.import_status).toBe('partial');
    expect(result.capture.problems[0]!.message).toMatch(/not valid JSON/);
  });
});
