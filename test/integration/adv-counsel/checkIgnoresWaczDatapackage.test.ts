import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeWacz } from '../../helpers/captureFixtures';
import { dossier } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase } from './advCase';

// Adversarial finding (expected to fail until fixed): a WACZ whose files do not match the SHA-256
// its datapackage.json lists (altered after the capture tool sealed it) is imported as
// "INCOMPLETE", and the packet refuses it (CAPTURE_DIGEST_MISMATCH). Yet "dossier check", which
// fails a WARC record whose digest does not match, reports "All checks hold" and exits 0.

function warcResponse(url: string, body: string): Buffer {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const head = [
    'WARC/1.1',
    'WARC-Type: response',
    'WARC-Record-ID: <urn:uuid:7f9c1c1e-2d2b-4b53-9a57-0d7cf0c0a001>',
    'WARC-Date: 2024-03-01T12:00:00Z',
    `WARC-Target-URI: ${url}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${Buffer.byteLength(http)}`,
  ].join('\r\n');
  return zlib.gzipSync(Buffer.from(`${head}\r\n\r\n${http}\r\n\r\n`));
}

describe('dossier check on a WACZ that does not match its datapackage.json', () => {
  it('does not say all checks hold', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const wacz = path.join(dir, 'shop.wacz');
    writeWacz(wacz, warcResponse('https://hotmailbox.me/', '<title>Shop</title>buy'), [{ url: 'https://hotmailbox.me/', ts: '2024-03-01T12:00:00Z' }], { tamperAfterHash: true });
    // The import itself reports the mismatch (exit 4, import incomplete).
    const imported = await dossier(['capture', 'import', file, wacz]);
    expect(imported.status).toBe(4);
    expect(imported.stdout).toMatch(/does not match datapackage\.json/);
    const check = await dossier(['check', file]);
    expect(check.stdout).not.toMatch(/All checks hold/);
    expect(check.status).not.toBe(0);
  });
});
