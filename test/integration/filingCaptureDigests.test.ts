import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

const SHA1_BASE32 = { algo: 'sha-1' as AlgorithmIdentifier, prefix: 'sha1:', base32: true };
const DATE = '2024-03-01T10:00:00Z';

async function* bytesOf(buffer: Buffer): AsyncGenerator<Uint8Array> {
  yield buffer;
}

/** One response record as a crawler writes it, with SHA-1 block and payload digests (warcio computes them). */
async function response(url: string, body: string): Promise<Buffer> {
  const record = WARCRecord.create(
    { url, date: DATE, type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
    bytesOf(Buffer.from(body)),
  );
  return Buffer.from(await WARCSerializer.serialize(record, { digest: SHA1_BASE32 }));
}

/** A resource record written by hand with no WARC-Block-Digest or WARC-Payload-Digest. */
function resourceWithoutDigest(url: string, body: string): Buffer {
  const block = Buffer.from(body);
  const head = [
    'WARC/1.1',
    'WARC-Type: resource',
    'WARC-Record-ID: <urn:uuid:6a1b3c2d-0000-4000-8000-00000000d1d0>',
    `WARC-Date: ${DATE}`,
    `WARC-Target-URI: ${url}`,
    'Content-Type: text/plain',
    `Content-Length: ${block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

/** A WARC of a warcinfo record and three pages, every record with digests its writer computed. */
async function goodRecords(): Promise<Buffer[]> {
  const info = WARCRecord.createWARCInfo({ filename: 'shop.warc', warcVersion: 'WARC/1.1' }, { software: 'Test Crawler 3.1', format: 'WARC File Format 1.1' });
  return [
    Buffer.from(await WARCSerializer.serialize(info, { digest: SHA1_BASE32 })),
    await response('https://hotmailbox.example/', '<html><head><title>Shop</title></head><body>Outlook accounts for sale</body></html>'),
    await response('https://hotmailbox.example/prices', '<html><head><title>Prices</title></head><body>100 accounts: $5</body></html>'),
    await response('https://hotmailbox.example/faq', '<html><head><title>FAQ</title></head><body>Delivery within one hour</body></html>'),
  ];
}

/** Records whose WARC headers carry a digest (warcio writes none for warcinfo): counted from the bytes, not assumed. */
function withDigest(records: Buffer[]): number {
  return records.filter((r) => /\r\nWARC-(Block|Payload)-Digest: /.test(r.toString('latin1').split('\r\n\r\n')[0]!)).length;
}

/** The packet's text, page footers (Case No. … · section, Bates number) left out so a paragraph reads across a page break. */
const pdftotext = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter((line) => !/Case No\. 1:24-cv-01234 · /.test(line))
    .join('\n')
    .replace(/\s+/g, ' ');

/** A case holding only this capture, exported with the declaration and custody report; the text of both. */
async function exportCapture(warc: Buffer, name: string, extra: string[] = [], exportFlags: string[] = []): Promise<{ dir: string; file: string; out: string; declaration: string; custody: string; productionId: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'shop.dossier');
  await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
  const capture = path.join(dir, name);
  fs.writeFileSync(capture, warc);
  await dossierJson(['capture', 'import', file, capture, ...extra]);
  const out = path.join(dir, 'packet.pdf');
  const exported = await dossierJson<{ productionId: string }>(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED, ...exportFlags]);
  const text = pdftotext(out);
  const declaration = text.slice(text.indexOf('DECLARATION OF JANE ROE'), text.indexOf('INDEX OF EXHIBITS'));
  const custody = text.slice(text.indexOf('CHAIN OF CUSTODY'));
  return { dir, file, out, declaration, custody, productionId: exported.productionId };
}

/** The declaration's sentence for Exhibit 1, up to the next numbered paragraph. */
function exhibitParagraph(declaration: string): string {
  const start = declaration.indexOf('Exhibit 1, “');
  expect(start).toBeGreaterThan(0);
  return declaration.slice(start, declaration.indexOf(' 5. ', start) > 0 ? declaration.indexOf(' 5. ', start) : undefined);
}

/**
 * Switches Chromium rendering of the captured pages off for one test: the digest statements are
 * the same either way, and launching Chromium cost ~2.5-4 s per export here. The first test keeps
 * it on, so its byte-identical re-export still covers a packet with renderings in it.
 */
const savedRendering = process.env.DOSSIER_CAPTURE_RENDERING;
afterEach(() => {
  if (savedRendering === undefined) delete process.env.DOSSIER_CAPTURE_RENDERING;
  else process.env.DOSSIER_CAPTURE_RENDERING = savedRendering;
});
const withoutRendering = () => {
  process.env.DOSSIER_CAPTURE_RENDERING = 'off';
};

describe('a capture tool\'s digests in the declaration and custody report (issue 11)', () => {
  it('says each record matched the digest its capture tool wrote, and still gives the exhibit\'s SHA-256 as computed at import', async () => {
    const records = await goodRecords();
    const { dir, file, out, declaration, custody, productionId } = await exportCapture(Buffer.concat(records), 'shop.warc');
    const paragraph = exhibitParagraph(declaration);
    expect(paragraph).toMatch(/^Exhibit 1, “shop\.warc”: the SHA-256 value listed was computed when the file was imported into the case on \w+ \d+, \d{4} \(UTC\) by CLI Tester\./);
    const digested = withDigest(records);
    expect(digested).toBe(records.length - 1);
    const statement = `The exhibit is a web capture (WARC, written by Test Crawler 3.1) of ${records.length} records. Each of ${digested} records matched every digest its capture tool wrote for it at capture time (WARC-Payload-Digest and WARC-Block-Digest, SHA-1) when the capture was read into the case on`;
    expect(paragraph).toContain(statement);
    expect(paragraph).toContain(`${records.length - digested} record carried no digest from the capture tool.`);
    expect(paragraph).not.toMatch(/did NOT match/);
    // No acquisition hash was recorded: nothing says the hash was recorded at acquisition.
    expect(declaration).not.toMatch(/\bacquired\b|recorded at acquisition/);
    expect(custody).toContain(`Capture digests: ${statement}`);
    // The counts are frozen with the production: the re-export is byte-identical.
    const again = path.join(dir, 'again.pdf');
    await dossierJson(['packet', file, '--production', productionId, '--out', again]);
    expect(fs.readFileSync(again).equals(fs.readFileSync(out))).toBe(true);
  });

  it('counts a record that carries no digest, and says the rest matched', async () => {
    withoutRendering();
    const records = [...(await goodRecords()), resourceWithoutDigest('https://hotmailbox.example/notes.txt', 'operator notes\n')];
    const { declaration, custody } = await exportCapture(Buffer.concat(records), 'shop-partial.warc');
    const paragraph = exhibitParagraph(declaration);
    const digested = withDigest(records);
    expect(paragraph).toContain(`of ${records.length} records. Each of ${digested} records matched every digest its capture tool wrote for it at capture time`);
    expect(paragraph).toContain(`${records.length - digested} records carried no digest from the capture tool.`);
    expect(declaration).not.toMatch(/\bacquired\b|recorded at acquisition/);
    expect(custody).toContain(`${records.length - digested} records carried no digest from the capture tool.`);
  });

  it('stops at a record whose digest does not match (check error), and with --force states it, naming the record', async () => {
    withoutRendering();
    const records = await goodRecords();
    // Alter one byte of the second page's body after its digests were written.
    const tampered = Buffer.from(records[2]!);
    const at = tampered.indexOf('$5');
    tampered[at + 1] = '9'.charCodeAt(0);
    const offset = records[0]!.length + records[1]!.length;
    const recordId = /WARC-Record-ID: <([^>]+)>/.exec(tampered.toString('latin1'))![1]!;
    const warc = Buffer.concat([records[0]!, records[1]!, tampered, records[3]!]);
    const { file, declaration, custody } = await exportCapture(warc, 'shop-tampered.warc', ['--acquired-at', '2024-03-01', '--acquired-by', 'A. Investigator'], ['--force']);
    const paragraph = exhibitParagraph(declaration);
    expect(paragraph).toContain(
      `1 record did NOT match the digest its capture tool wrote: record ${recordId}`,
    );
    expect(paragraph).toContain(`record ${recordId} (https://hotmailbox.example/prices) at byte ${offset}, WARC-Block-Digest and WARC-Payload-Digest. For that record the case file cannot show that the content is what the capture tool recorded.`);
    expect(paragraph).toContain(`Each of ${withDigest(records) - 1} records matched every digest`);
    // Obtained on a date with no hash: the gap is stated, and "acquired" is never said of a hash.
    expect(paragraph).toContain('No hash was recorded when it was obtained on March 1, 2024 by A. Investigator');
    expect(declaration).not.toMatch(/\bacquired\b|recorded at acquisition/);
    expect(custody).toContain(`Capture digests: The exhibit is a web capture`);
    expect(custody).toContain(`record ${recordId} (https://hotmailbox.example/prices) at byte ${offset}`);
    // --check and export apply the same rule: without --force nothing is written.
    const check = await dossier(['packet', file, '--check', '--layout', 'combined', ...SIGNED, '--json']);
    expect(check.status).toBe(2);
    expect(JSON.parse(check.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'CAPTURE_DIGEST_MISMATCH' })]));
    const refused = await dossier(['packet', file, '--out', path.join(path.dirname(file), 'unforced.pdf'), '--layout', 'combined', ...SIGNED]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(recordId);
    expect(fs.existsSync(path.join(path.dirname(file), 'unforced.pdf'))).toBe(false);
  });
});
