import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (expected to fail until fixed): a HAR whose startedDateTime has no zone
// ("2024-03-01T12:00:00", as some tools and hand-edited exports write) is stored as a UTC instant
// computed from the time zone of the computer that imports it: 12:00:00Z in one office,
// 15:30:00Z in St. John's. The invented instant is kept in the case and printed as "Captured at".

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const HAR = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'Exporter', version: '1' },
    pages: [{ id: 'page_1', startedDateTime: '2024-03-01T12:00:00', title: 'Shop', pageTimings: {} }],
    entries: [{
      pageref: 'page_1',
      startedDateTime: '2024-03-01T12:00:00',
      time: 1,
      request: { method: 'GET', url: 'https://hotmailbox.me/', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 9, mimeType: 'text/html', text: '<p>shop</p>' }, redirectURL: '', headersSize: -1, bodySize: 9 },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    }],
  },
});

const MHTML = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://hotmailbox.me/',
  'Subject: Shop',
  'Date: Fri, 1 Mar 2024 12:00:00',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; type="text/html"; boundary="----B"',
  '',
  '------B',
  'Content-Type: text/html',
  'Content-Location: https://hotmailbox.me/',
  '',
  '<html><body>shop</body></html>',
  '------B--',
  '',
].join('\r\n');

async function importedAt(tz: string, name = 'shop.har', content = HAR): Promise<string | null> {
  process.env.TZ = tz;
  const dir = tempDir();
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
  const har = path.join(dir, name);
  fs.writeFileSync(har, content);
  const imported = await dossierJson<{ pages: { captured_at: string | null }[] }>(['capture', 'import', file, har]);
  return imported.pages[0]!.captured_at;
}

describe('a HAR time without a time zone', () => {
  it('is not turned into a UTC instant that depends on the importing computer\'s time zone', async () => {
    const inUtc = await importedAt('UTC');
    const inStJohns = await importedAt('America/St_Johns');
    expect(inStJohns).not.toBe('2024-03-01T15:30:00.000Z');
    expect(inStJohns).toBe(inUtc);
  });

  it('is not invented either for an MHTML Date header without a zone', async () => {
    const inUtc = await importedAt('UTC', 'shop.mhtml', MHTML);
    const inStJohns = await importedAt('America/St_Johns', 'shop.mhtml', MHTML);
    expect(inStJohns).not.toBe('2024-03-01T15:30:00.000Z');
    expect(inStJohns).toBe(inUtc);
  });
});
