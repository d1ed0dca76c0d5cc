import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPacket } from '../../../src-main/packet/checkPacket';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import type { ExhibitInput } from '../../../src-main/packet/PacketInput';
import { exhibit, makePdf, makePng, packetInput } from './packetFixtures';
import { encryptPdf, pageTexts, qpdfCheck } from './pdfTools';

let dir: string;
let plain: Uint8Array;
let archival: Uint8Array;
let locked: Uint8Array;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
  plain = await makePdf(2, { title: 'Plain PDF' });
  archival = await makePdf(2, { title: 'Archival PDF', pdfA: true });
  fs.writeFileSync(path.join(dir, 'plain.pdf'), plain);
  encryptPdf(path.join(dir, 'plain.pdf'), path.join(dir, 'locked.pdf'));
  locked = new Uint8Array(fs.readFileSync(path.join(dir, 'locked.pdf')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pdfExhibit = (label: string, bytes: Uint8Array, i: number): ExhibitInput =>
  exhibit({ label, title: `${label} document`, mediaType: 'application/pdf', originalName: `${i}.pdf`, bytes }, i);

/** XMP packet of a PDF, via poppler. */
function xmp(file: string): string {
  return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
}

describe('checkPacket', () => {
  it('reports missing sections, oversize exhibits, unreadable PDFs and tampered evidence', async () => {
    const tampered = pdfExhibit('Exhibit 3', plain, 3);
    tampered.sha256 = 'f'.repeat(64);
    const big = exhibit({ label: 'Exhibit 4', title: 'Big scan', mediaType: 'image/png', originalName: 'big.png', bytes: makePng(400, 400, (x, y) => [(x * 7) % 256, (y * 13) % 256, (x * y) % 256]) }, 4);
    const input = packetInput([pdfExhibit('Exhibit 1', plain, 1), pdfExhibit('Exhibit 2', locked, 2), tampered, big], {
      profile: 'sdny-ecf',
      sections: ['cover', 'index', 'exhibits'],
      maxVolumeBytes: 100 * 1024,
      // One PDF: an exhibit over the limit cannot be split (the ECF layout files it in parts).
      layout: 'combined',
    });
    const problems = await checkPacket(input);
    const codes = problems.map((p) => `${p.severity}:${p.code}${p.exhibitId ? `:${p.exhibitId}` : ''}`);
    expect(codes).toContain('error:PROFILE_SECTION_MISSING');
    expect(problems.find((p) => p.code === 'PROFILE_SECTION_MISSING')?.message).toContain('"declaration"');
    expect(codes).toContain('error:EXHIBIT_OVER_LIMIT:ex-4');
    expect(codes).toContain('info:PACKET_WILL_SPLIT');
    expect(codes).toContain('warning:EXHIBIT_PRODUCED_NATIVELY:ex-2');
    expect(problems.find((p) => p.exhibitId === 'ex-2')?.message).toContain('The PDF is encrypted, so its pages cannot be reproduced');
    expect(codes).toContain('error:EVIDENCE_HASH_MISMATCH:ex-3');
    expect(codes).toContain('info:PACKET_NOT_PDFA');
    // Without reading exhibits only what the input shows is reported.
    const quick = await checkPacket(input, { readExhibits: false });
    expect(quick.map((p) => p.code)).not.toContain('EVIDENCE_HASH_MISMATCH');
  });

  it('warns under pdfa-strict that non-PDF/A PDFs will be produced natively', async () => {
    const problems = await checkPacket(packetInput([pdfExhibit('Exhibit 1', plain, 1), pdfExhibit('Exhibit 2', archival, 2)], { profile: 'pdfa-strict' }));
    expect(problems.filter((p) => p.code === 'EXHIBIT_NOT_PDFA').map((p) => p.exhibitId)).toEqual(['ex-1']);
    expect(problems.map((p) => p.code)).not.toContain('PACKET_NOT_PDFA');
    // No native file is written beside the packet: the check says what the packet does (a slip sheet only).
    expect(problems.find((p) => p.code === 'EXHIBIT_NOT_PDFA')?.message).toContain('will not be reproduced as pages (slip sheet only)');
  });
});

describe('PDF/A', () => {
  it('declares PDF/A-2b when every merged source claims PDF/A, with embedded fonts and an sRGB output intent', async () => {
    const file = path.join(dir, 'archival.pdf');
    const png = makePng(40, 40, () => [200, 30, 30]);
    const result = await exportPacket(
      packetInput([pdfExhibit('Exhibit 1', archival, 1), exhibit({ label: 'Exhibit 2', title: 'Photo', mediaType: 'image/png', originalName: 'p.png', bytes: png }, 2)]),
      file,
    );
    expect(result.pdfA).toBe(true);
    expect(result.warnings.map((w) => w.code)).not.toContain('PACKET_NOT_PDFA');
    const meta = xmp(file);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(meta).toContain('<xmp:CreatorTool>Dossier</xmp:CreatorTool>');
    expect(meta).toContain('<xmp:CreateDate>2025-03-14T16:00:00Z</xmp:CreateDate>');
    expect(fs.readFileSync(file, 'latin1')).toContain('/GTS_PDFA1');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(3);
    // Every font, ours and the archival exhibit's, is embedded ("emb" column).
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    expect(qpdfCheck(file).status).toBe(0);
  });

  it('stays plain PDF (and says why) when a merged source is not PDF/A', async () => {
    const file = path.join(dir, 'mixed.pdf');
    const result = await exportPacket(packetInput([pdfExhibit('Exhibit 1', plain, 1)]), file);
    expect(result.pdfA).toBe(false);
    expect(result.warnings.find((w) => w.code === 'PACKET_NOT_PDFA')?.message).toContain('Exhibit 1');
    expect(xmp(file)).not.toContain('pdfaid');
    expect(result.exhibits[0]?.rendering).toBe('pdf');
  });

  it('under pdfa-strict produces non-PDF/A PDFs natively and keeps the packet PDF/A', async () => {
    const file = path.join(dir, 'strict.pdf');
    const result = await exportPacket(packetInput([pdfExhibit('Exhibit 1', plain, 1), pdfExhibit('Exhibit 2', archival, 2)], { profile: 'pdfa-strict' }), file);
    expect(result.pdfA).toBe(true);
    expect(result.exhibits.map((e) => e.rendering)).toEqual(['native', 'pdf']);
    const slip = pageTexts(file)[(result.exhibits[0]?.firstPage ?? 0) - 1];
    expect(slip).toContain('does not declare PDF/A');
    expect(xmp(file)).toContain('<pdfaid:part>2</pdfaid:part>');
  });
});
