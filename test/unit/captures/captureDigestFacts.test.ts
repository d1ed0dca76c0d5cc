import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { importCapture } from '../../../src-main/captures/importCapture';
import { readCaptureDigestFacts } from '../../../src-main/captures/readCaptureDigestFacts';
import { captureDigestStatement } from '../../../src-main/packet/captureDigestStatement';
import { writeWacz } from '../../helpers/captureFixtures';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

async function* bytesOf(buffer: Buffer): AsyncGenerator<Uint8Array> {
  yield buffer;
}

/** Gzipped response records with SHA-256 digests (hex, as some tools write them). */
async function gzResponses(pages: string[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for (const page of pages) {
    const record = WARCRecord.create(
      { url: `https://shop.example/${page}`, date: '2024-03-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html' } },
      bytesOf(Buffer.from(`<html><title>${page}</title>${page}</html>`)),
    );
    out.push(Buffer.from(await WARCSerializer.serialize(record, { gzip: true, digest: { algo: 'sha-256' as AlgorithmIdentifier, prefix: 'sha256:', base32: false } })));
  }
  return Buffer.concat(out);
}

describe('a capture\'s own digests as the case file records them', () => {
  it('counts the WACZ records that matched their SHA-256 digests and the files datapackage.json lists', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.wacz');
    writeWacz(file, await gzResponses(['a', 'b', 'c']), [{ url: 'https://shop.example/a', ts: '2024-03-01T10:00:00Z' }]);
    const { evidence_id } = await importCapture(caseFile, file);
    const facts = readCaptureDigestFacts(caseFile.db, evidence_id)!;
    expect(facts).toMatchObject({ format: 'wacz', records: 3, matched: 3, noDigest: 0, mismatched: 0, truncated: 0, uncheckable: 0, datapackage: { checked: 2, failed: [] } });
    expect(facts.matchedDigests).toEqual([
      { header: 'WARC-Payload-Digest', algorithm: 'SHA-256' },
      { header: 'WARC-Block-Digest', algorithm: 'SHA-256' },
    ]);
    const text = captureDigestStatement(facts);
    expect(text).toContain('Each of its 3 records matched every digest its capture tool wrote for it at capture time (WARC-Payload-Digest and WARC-Block-Digest, SHA-256)');
    expect(text).toContain('The SHA-256 of each of the 2 files listed in the capture\'s datapackage.json matched on');
  });

  it('names a WACZ file that does not match datapackage.json', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'tampered.wacz');
    writeWacz(file, await gzResponses(['a']), [{ url: 'https://shop.example/a', ts: '2024-03-01T10:00:00Z' }], { tamperAfterHash: true });
    const { evidence_id } = await importCapture(caseFile, file);
    const facts = readCaptureDigestFacts(caseFile.db, evidence_id)!;
    expect(facts.datapackage).toEqual({ checked: 2, failed: ['pages/pages.jsonl'] });
    expect(captureDigestStatement(facts)).toContain('Of the 2 files whose SHA-256 the capture\'s datapackage.json lists, pages/pages.jsonl did NOT match it on');
  });

  it('is null for an exhibit with no capture', () => {
    const caseFile = newTestCase();
    expect(readCaptureDigestFacts(caseFile.db, '01900000-0000-7000-8000-000000000000')).toBeNull();
  });
});
