import fs from 'node:fs';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createDemoEvidenceFiles, importDemoEvidence } from '../../../src-main/demo/createDemoEvidenceFiles';
import { listCustody } from '../../../src-main/evidence/custody';
import { verifyEvidence } from '../../../src-main/evidence/verifyEvidence';
import { searchCase } from '../../../src-main/search/searchCase';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';

/** Walks a PNG's chunks, checking every CRC, and returns the header and the inflated pixel data size. */
function readPng(bytes: Buffer): { width: number; height: number; colorType: number; pixelBytes: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  const idat: Buffer[] = [];
  let header: Buffer | null = null;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const body = bytes.subarray(offset + 4, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(zlib.crc32(body));
    const type = body.subarray(0, 4).toString('latin1');
    if (type === 'IHDR') header = body.subarray(4);
    if (type === 'IDAT') idat.push(body.subarray(4));
    offset += 12 + length;
  }
  return { width: header!.readUInt32BE(0), height: header!.readUInt32BE(4), colorType: header![9]!, pixelBytes: zlib.inflateSync(Buffer.concat(idat)).length };
}

describe('demo evidence', () => {
  it('writes deterministic, clearly synthetic files', () => {
    const first = createDemoEvidenceFiles(tempDir());
    const second = createDemoEvidenceFiles(tempDir());
    expect(first.map((f) => fs.readFileSync(f)).every((b, i) => b.equals(fs.readFileSync(second[i]!)))).toBe(true);
    const [png, html, csv, log] = first.map((f) => fs.readFileSync(f));
    expect(readPng(png!)).toEqual({ width: 960, height: 600, colorType: 2, pixelBytes: 600 * (960 * 3 + 1) });
    expect(html!.toString()).toContain('DEMO RECONSTRUCTION');
    const rows = parse(csv!, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(40);
    expect(rows.every((r) => r.data_origin!.startsWith('SYNTHETIC DEMO DATA'))).toBe(true);
    expect(log!.toString().split('\n')[0]).toMatch(/^# SYNTHETIC DEMO LOG/);
  });

  it('imports into a case as exhibits with acquisition custody, verifiable and searchable', async () => {
    const cf = newTestCase();
    const { items } = await importDemoEvidence(cf, tempDir());
    expect(items.map((i) => [i.evidence.exhibit_label, i.evidence.kind, i.evidence.media_type])).toEqual([
      ['Exhibit 1', 'screenshot', 'image/png'],
      ['Exhibit 2', 'web_capture', 'text/html'],
      ['Exhibit 3', 'spreadsheet', 'text/csv'],
      ['Exhibit 4', 'log', 'text/plain'],
    ]);
    expect(listCustody(cf, items[0]!.evidence.id).map((c) => c.action)).toEqual(['acquired', 'imported']);
    expect((await verifyEvidence(cf)).every((r) => r.ok)).toBe(true);
    expect(searchCase(cf, 'accounts in stock').map((h) => h.id)).toContain(items[1]!.evidence.id);
    expect(searchCase(cf, 'nonecaptcha').map((h) => h.id)).toContain(items[3]!.evidence.id);
  });
});
