import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCapture } from '../../../src-main/captures/importCapture';
import { resolveCaptureResource } from '../../../src-main/captures/resolveCaptureResource';
import { captureRecords, samplePng, SITE_PATHS, startCapturedSite, writeWacz } from '../../helpers/captureFixtures';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

let site: Awaited<ReturnType<typeof startCapturedSite>>;
let gz: Buffer;
beforeAll(async () => {
  site = await startCapturedSite();
  gz = Buffer.concat(await captureRecords(site.base, SITE_PATHS, { gzip: true }));
});
afterAll(() => site.close());

describe('replay resolution from the stored archive', () => {
  it('serves the page, its stylesheet and its image from a stored WACZ by URL, with status and type; a redirect gives its target', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.wacz');
    writeWacz(file, gz, [{ url: `${site.base}/`, ts: new Date().toISOString() }]);
    const { capture } = await importCapture(caseFile, file);
    const page = await resolveCaptureResource(caseFile.db, capture.id, `${site.base}/`);
    expect(page).toMatchObject({ http_status: 200, content_type: 'text/html; charset=utf-8' });
    expect(Buffer.from(page!.body_base64, 'base64').toString()).toContain('<img src="/logo.png"');
    const image = await resolveCaptureResource(caseFile.db, capture.id, `${site.base}/logo.png`);
    expect(Buffer.from(image!.body_base64, 'base64').equals(samplePng())).toBe(true);
    const css = await resolveCaptureResource(caseFile.db, capture.id, `${site.base}/style.css`);
    expect(Buffer.from(css!.body_base64, 'base64').toString()).toContain('font-family');
    const redirect = await resolveCaptureResource(caseFile.db, capture.id, `${site.base}/old`);
    expect(redirect).toMatchObject({ http_status: 302, location: `${site.base}/` });
    const missing = await resolveCaptureResource(caseFile.db, capture.id, 'https://cdn.example/tracker.js');
    expect(missing).toBeNull();
  });

  it('reads a plain WARC record back byte-exact even when the stored file spans several 4 MiB chunks', async () => {
    const caseFile = newTestCase();
    const big = Buffer.alloc(9 * 1024 * 1024, 0x61);
    // Pad with a large resource record first so the page sits beyond the first stored chunk.
    const { WARCRecord, WARCSerializer } = await import('warcio');
    const padding = await WARCSerializer.serialize(
      WARCRecord.create({ url: 'https://pad.example/blob', type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'application/octet-stream' } }, (async function* () { yield big; })()),
    );
    const plain = await captureRecords(site.base, SITE_PATHS);
    const file = path.join(tempDir(), 'big.warc');
    fs.writeFileSync(file, Buffer.concat([plain[0]!, Buffer.from(padding), ...plain.slice(1)]));
    const { capture } = await importCapture(caseFile, file);
    expect(capture.import_status).toBe('complete');
    const image = await resolveCaptureResource(caseFile.db, capture.id, `${site.base}/logo.png`);
    expect(Buffer.from(image!.body_base64, 'base64').equals(samplePng())).toBe(true);
    const blob = await resolveCaptureResource(caseFile.db, capture.id, 'https://pad.example/blob');
    expect(Buffer.from(blob!.body_base64, 'base64').equals(big)).toBe(true);
  });
});
