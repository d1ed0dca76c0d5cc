import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (adv-regress): a captured page's title comes from the archive (untrusted).
// Its bidi override is spelled out in the packet ([U+202E]) and `capture import` prints the line
// break as \x0a, but the packet's "Page title" row prints the line break raw: "PgOne" / "PgTwo" on
// two lines, unmarked, as if the title were two lines of the page.
describe("a captured page's title holding a line break", () => {
  it('is spelled out in the packet, as its bidi control is', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'T', '--code-name', 'STORM', '--docket', '1:24-cv-1']);
    await dossierJson(['caption', 'set', file, '--court', 'Court X']);
    const entry = {
      pageref: 'p1', startedDateTime: '2024-03-05T23:30:00Z', time: 1,
      request: { method: 'GET', url: 'https://ex.com/', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 5, mimeType: 'text/html', text: 'hello' }, redirectURL: '', headersSize: -1, bodySize: 5 },
      cache: {}, timings: { send: 0, wait: 1, receive: 0 },
    };
    const har = { log: { version: '1.2', creator: { name: 'x', version: '1' }, pages: [{ startedDateTime: '2024-03-05T23:30:00Z', id: 'p1', title: 'PgOne\nPgTwo\u202eRLO', pageTimings: {} }], entries: [entry] } };
    const harFile = path.join(dir, 'h.har');
    fs.writeFileSync(harFile, JSON.stringify(har));
    expect((await dossier(['capture', 'import', file, harFile])).status).toBe(0);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    expect((await dossier(['packet', file, '--out', path.join(out, 'p.pdf'), '--layout', 'combined', '--draft', ...SIGNED])).status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(out, 'p.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('[U+202E]RLO');
    expect(text).not.toMatch(/PgOne\s*\n\s*PgTwo/);
  });
});
