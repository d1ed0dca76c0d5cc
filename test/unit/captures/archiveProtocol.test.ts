import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_SCHEME, archiveCsp, archiveUrl, parseArchiveUrl, serveArchiveRequest } from '../../../src-main/captures/archiveProtocol';
import { importCapture } from '../../../src-main/captures/importCapture';
import { resolveCaptureResource } from '../../../src-main/captures/resolveCaptureResource';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { captureRecords, samplePng, SITE_PATHS, startCapturedSite } from '../../helpers/captureFixtures';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

let site: Awaited<ReturnType<typeof startCapturedSite>>;
let warc: Buffer;
beforeAll(async () => {
  site = await startCapturedSite();
  warc = Buffer.concat(await captureRecords(site.base, SITE_PATHS));
});
afterAll(() => site.close());

/** What the app's protocol handler does for one request: parse, resolve from the stored archive, answer. */
function serve(caseFile: CaseFile, requestUrl: string) {
  return serveArchiveRequest(requestUrl, (t) => resolveCaptureResource(caseFile.db, t.captureId, t.url, t.at ?? undefined));
}

describe('dossier-archive: protocol', () => {
  it('serves the page and what it links relatively or root-relatively from the stored archive; 404 for anything else', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.warc');
    fs.writeFileSync(file, warc);
    const { capture, pages } = await importCapture(caseFile, file);
    const page = pages.find((p) => p.url === `${site.base}/`)!;
    const pageUrl = archiveUrl(capture.id, page.url, page.captured_at)!;
    expect(pageUrl.startsWith(`${ARCHIVE_SCHEME}://`)).toBe(true);
    expect(parseArchiveUrl(pageUrl)).toEqual({ captureId: capture.id, at: new Date(Date.parse(page.captured_at!)).toISOString().replace(/\.\d{3}Z$/, '.000Z'), url: page.url, scripts: false });

    const html = await serve(caseFile, pageUrl);
    expect(html.status).toBe(200);
    expect(html.headers['Content-Type']).toMatch(/^text\/html/);
    expect(html.body.toString()).toContain('<img src="/logo.png"');
    // The browser resolves "/logo.png" against the archive URL: it stays in the same capture and origin.
    const image = await serve(caseFile, new URL('/logo.png', pageUrl).href);
    expect(image.status).toBe(200);
    expect(image.headers['Content-Type']).toBe('image/png');
    expect(image.body.equals(samplePng())).toBe(true);
    const css = await serve(caseFile, new URL('style.css', pageUrl).href);
    expect(css.body.toString()).toContain('font-family');

    // A redirect points into the archive, never out of it.
    const redirect = await serve(caseFile, new URL('/old', pageUrl).href);
    expect(redirect.status).toBe(302);
    expect(parseArchiveUrl(redirect.headers.Location!)).toMatchObject({ captureId: capture.id, url: `${site.base}/` });

    // Not in the archive, another origin, another scheme, a forged host: 404, nothing fetched.
    for (const url of [
      new URL('/tracker.js', pageUrl).href,
      archiveUrl(capture.id, 'https://cdn.example/lib.js')!,
      `${ARCHIVE_SCHEME}://not-an-archive-host/`,
      `https://127.0.0.1/`,
      `${ARCHIVE_SCHEME}://${'0'.repeat(32)}.00000000000000.${Buffer.from(site.base).toString('hex')}/`,
    ]) {
      const answer = await serve(caseFile, url);
      expect(answer.status, url).toBe(404);
      expect(answer.headers['Content-Security-Policy']).toBe(archiveCsp({ scripts: false }));
    }
    // With page scripts on, the whole page (its resources resolve under the same host) gets the scripts policy.
    const withScripts = archiveUrl(capture.id, page.url, page.captured_at, { scripts: true })!;
    const scriptedImage = await serve(caseFile, new URL('/logo.png', withScripts).href);
    expect(scriptedImage.headers['Content-Security-Policy']).toBe(archiveCsp({ scripts: true }));
    const scriptedRedirect = await serve(caseFile, new URL('/old', withScripts).href);
    expect(parseArchiveUrl(scriptedRedirect.headers.Location!)).toMatchObject({ scripts: true });
    for (const answer of [html, image, css, redirect]) {
      expect(Object.keys(answer.headers).map((h) => h.toLowerCase())).not.toContain('set-cookie');
      expect(answer.headers['Content-Security-Policy']).toBe(archiveCsp({ scripts: false }));
      expect(answer.headers['Cache-Control']).toBe('no-store');
    }
  });

  it('the CSP allows only the archive and data:, scripts only when turned on and then only from the archive', () => {
    const off = archiveCsp({ scripts: false });
    const on = archiveCsp({ scripts: true });
    const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive(off, 'default-src')).toBe("default-src 'none'");
    expect(directive(off, 'script-src')).toBe("script-src 'none'");
    expect(directive(off, 'connect-src')).toBe("connect-src 'none'");
    expect(directive(on, 'script-src')).toBe("script-src dossier-archive: 'unsafe-inline'");
    expect(directive(on, 'connect-src')).toBe('connect-src dossier-archive:');
    for (const csp of [on, off]) {
      expect(directive(csp, 'worker-src')).toBe("worker-src 'none'");
      expect(directive(csp, 'frame-src')).toBe("frame-src 'none'");
      expect(directive(csp, 'form-action')).toBe("form-action 'none'");
      // No source but the archive and data: anywhere (no http:, https:, *, blob:, 'self').
      const sources = csp.split('; ').flatMap((d) => d.split(' ').slice(1));
      expect(sources.filter((s) => !['dossier-archive:', 'data:', "'none'", "'unsafe-inline'"].includes(s))).toEqual([]);
    }
  });
});
