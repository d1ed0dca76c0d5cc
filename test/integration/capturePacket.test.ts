import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCapture } from '../../src-main/captures/importCapture';
import { exportCasePacket } from '../../src-main/packet/exportCasePacket';
import { captureRecords, samplePng, SITE_PATHS, startCapturedSite } from '../helpers/captureFixtures';
import { newTestCase } from '../helpers/testCase';
import { tempDir } from '../helpers/tempDir';

let site: Awaited<ReturnType<typeof startCapturedSite>>;
let withShot: Buffer;
beforeAll(async () => {
  site = await startCapturedSite();
  withShot = Buffer.concat(await captureRecords(site.base, SITE_PATHS, { screenshot: samplePng() }));
});
afterAll(() => site.close());

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('captured pages in packets', () => {
  it('shows each captured page with URL, time, IP, status, record id and digests, then the capture\'s screenshot', async () => {
    const prior = process.env.DOSSIER_CAPTURE_RENDERING;
    // Pages without a screenshot fall back to text here, so the test does not depend on Chromium.
    process.env.DOSSIER_CAPTURE_RENDERING = 'off';
    try {
      const caseFile = newTestCase();
      const file = path.join(tempDir(), 'shop.warc');
      fs.writeFileSync(file, withShot);
      const imported = await importCapture(caseFile, file);
      const out = path.join(tempDir(), 'packet.pdf');
      const result = await exportCasePacket(caseFile, out, { profile: 'generic-50mb', sections: ['exhibits'] });
      expect(result.exhibits[0]!.rendering).toBe('image');
      const text = pdfText(out);
      const front = imported.pages[0]!;
      expect(front.url).toBe(`${site.base}/`);
      const record = front.record!;
      for (const expected of [front.url, record.record_id, record.payload_sha256!, record.payload_sha1!, record.block_sha256!, '127.0.0.1', 'Dossier test crawler 1.2']) {
        expect(text).toContain(expected);
      }
      expect(text).toMatch(/HTTP status\s+200/);
      expect(text).toMatch(/HTTP status\s+404/);
      expect(text).toContain('the screenshot the capture tool recorded');
      // The 404 page has no screenshot and rendering is off: its text is shown, with the reason.
      expect(text).toContain('Rendering was switched off for this export');
      expect(text).toMatch(/Exhibit 1 — captured page 2 of 2: \S+\/missing — text\s+Not found\s+404/);
      // The screenshot page is drawn: render it and find the red and blue halves of the PNG.
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
      const shotPage = text.split('\f').findIndex((p) => p.includes('captured page 1 of 2') && p.includes('— image'));
      expect(shotPage).toBeGreaterThan(0);
      const prefix = path.join(tempDir(), 'page');
      execFileSync('pdftoppm', ['-png', '-r', '40', '-f', String(shotPage + 1), '-l', String(shotPage + 1), out, prefix]);
      const png = fs.readdirSync(path.dirname(prefix)).find((n) => n.startsWith('page') && n.endsWith('.png'))!;
      expect(fs.statSync(path.join(path.dirname(prefix), png)).size).toBeGreaterThan(500);
      expect(pages).toBeGreaterThan(4);
    } finally {
      if (prior === undefined) delete process.env.DOSSIER_CAPTURE_RENDERING;
      else process.env.DOSSIER_CAPTURE_RENDERING = prior;
    }
  });

  it('renders a page without a screenshot from the stored archive with the system Chromium (offline, scripts off)', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.warc');
    fs.writeFileSync(file, Buffer.concat(await captureRecords(site.base, ['/', '/style.css', '/logo.png'])));
    await importCapture(caseFile, file);
    // renderCapturePage answers every request from the stored archive and refuses the rest.
    const out = path.join(tempDir(), 'packet.pdf');
    const result = await exportCasePacket(caseFile, out, { profile: 'generic-50mb', sections: ['exhibits'] });
    expect(result.exhibits[0]!.rendering).toBe('image');
    expect(pdfText(out)).toContain('a rendering of the archived page made offline from the stored archive');
  }, 120_000);
});
