import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';

/*
 * Adversarial reproduction (expected to FAIL until fixed; medium). `check` re-reads a capture's
 * records to re-verify their digests (a rewritten digest_status is caught), but the parsed
 * pages and records' URL, title and capture time (capture_page, capture_record) are neither sealed
 * nor compared with the archive. A teammate with sqlite3 drops the append-only triggers, rewrites
 * them, and re-creates the triggers with their exact SQL: `capture list`, `capture show`, the app's
 * Captures panel and the replay dialog then show a page "https://hotmailbox.example/orders",
 * titled "Orders: 40,000 accounts sold ...", captured on 2023-11-01, none of which the archive
 * holds, and `check` says every check holds. Expected: `check` fails (exit 4) naming the capture
 * page, as it does for any other edit behind the app's back.
 */
const SHA1_BASE32 = { algo: 'sha-1' as AlgorithmIdentifier, prefix: 'sha1:', base32: true };

async function* bytesOf(buffer: Buffer): AsyncGenerator<Uint8Array> {
  yield buffer;
}

async function response(url: string, body: string): Promise<Buffer> {
  const record = WARCRecord.create(
    { url, date: '2024-03-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
    bytesOf(Buffer.from(body)),
  );
  return Buffer.from(await WARCSerializer.serialize(record, { digest: SHA1_BASE32 }));
}

function editBehindBack(file: string, triggers: string[], sql: string): void {
  const db = new Database(file);
  try {
    const saved = triggers.map((name) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string);
    db.transaction(() => {
      for (const name of triggers) db.exec(`DROP TRIGGER ${name}`);
      db.exec(sql);
      for (const text of saved) db.exec(text);
    })();
  } finally {
    db.close();
  }
}

describe('a capture\'s parsed pages cannot be rewritten behind the app\'s back', () => {
  it('check notices a page whose URL, title and capture time no longer say what the archive holds', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.dossier');
    await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
    const page = await response('https://hotmailbox.example/prices', '<html><head><title>Prices</title></head><body>100 accounts: $5</body></html>');
    const warc = path.join(dir, 'shop.warc');
    fs.writeFileSync(warc, page);
    await dossier(['capture', 'import', file, warc]);
    expect((await dossier(['check', file])).status, 'precondition: a clean capture passes check').toBe(0);

    editBehindBack(
      file,
      ['capture_page_no_update', 'capture_record_no_update'],
      `UPDATE capture_page SET title = 'Orders: 40,000 accounts sold to buyer-demo-03', url = 'https://hotmailbox.example/orders', captured_at = '2023-11-01T00:00:00.000Z';
       UPDATE capture_record SET target_uri = 'https://hotmailbox.example/orders', captured_at = '2023-11-01T00:00:00.000Z'`,
    );
    const listed = await dossierJson<{ pages: { url: string; title: string | null; captured_at: string | null }[] }[]>(['capture', 'list', file]);
    expect(listed[0]!.pages[0]!.url, 'precondition: the app now shows the rewritten page').toBe('https://hotmailbox.example/orders');
    const after = await dossier(['check', file]);
    expect(after.status, `check passes though the capture's pages say what its archive does not:\n${after.stdout}`).toBe(4);
    expect(after.stdout, 'check names the page and its rewritten fields').toMatch(/captured page \S+ \(https:\/\/hotmailbox\.example\/orders\): its url, captured_at, title differ/);
    expect(after.stdout, 'check names the record and its rewritten fields').toMatch(/its target_uri, captured_at as kept in the case/);
  });
});
