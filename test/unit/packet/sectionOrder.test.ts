import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemblePacket, type VolumeState } from '../../../src-main/packet/assemblePacket';
import { type CourtProfile, getCourtProfile, PAGE_SIZES } from '../../../src-main/packet/courtProfiles';
import { exportPacket, volumePaths } from '../../../src-main/packet/exportPacket';
import { FontMetrics } from '../../../src-main/fonts/FontMetrics';
import { formatBates, formatBatesRange } from '../../../src-main/packet/formatBates';
import { formatBytes, formatLongDate, humanizeCode } from '../../../src-main/packet/formatText';
import { loadPacketFonts } from '../../../src-main/fonts/packetFonts';
import { planSections } from '../../../src-main/packet/SectionPlan';
import { wrapText } from '../../../src-main/packet/wrapText';
import { exhibit, makePdf, packetInput } from './packetFixtures';
import { outlines, pageTexts, qpdfCheck } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('sections in the user order', () => {
  it('puts sections after the exhibits, lists them in the contents and continues Bates numbers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
    dirs.push(dir);
    const pdf = await makePdf(2);
    const exhibits = [1, 2].map((i) => exhibit({ label: `Exhibit ${i}`, title: `Document ${i}`, mediaType: 'application/pdf', originalName: `${i}.pdf`, bytes: pdf }, i));
    const file = path.join(dir, 'packet.pdf');
    const result = await exportPacket(packetInput(exhibits, { sections: ['cover', 'toc', 'exhibits', 'custody', 'index'], bates: { prefix: '', start: 1000, padding: 4 } }), file);
    expect(qpdfCheck(file).status).toBe(0);
    const pages = pageTexts(file);
    expect(result.sections.map((s) => s.section)).toEqual(['cover', 'toc', 'custody', 'index']);
    const custody = result.sections.find((s) => s.section === 'custody');
    const index = result.sections.find((s) => s.section === 'index');
    expect(custody?.firstPage).toBe((result.exhibits[1]?.lastPage ?? 0) + 1);
    expect(pages[(custody?.firstPage ?? 0) - 1]).toContain('CHAIN OF CUSTODY');
    expect(pages[(index?.firstPage ?? 0) - 1]).toContain('INDEX OF EXHIBITS');
    // Contents (page 2) point at the back sections' real pages; Bates numbers have no prefix here.
    expect(pages[1]).toMatch(new RegExp(`Chain of Custody[ .]+${custody?.batesFirst}\\s+p\\. ${custody?.firstPage}`));
    expect(pages[1]).toMatch(new RegExp(`Index of Exhibits[ .]+${index?.batesFirst}\\s+p\\. ${index?.firstPage}`));
    pages.forEach((text, i) => expect(text.trimEnd().endsWith(String(1000 + i))).toBe(true));
    expect(outlines(file).map((o) => o.title)).toEqual(['Cover', 'Table of Contents', 'Exhibits', 'Chain of Custody', 'Index of Exhibits']);
    // The custody report states where each exhibit is in this packet.
    const custodyText = pages.slice((custody?.firstPage ?? 0) - 1, custody?.lastPage).join('\n');
    for (const ex of result.exhibits) expect(custodyText).toContain(`In this packet: ${ex.batesFirstLabel} – ${ex.batesLastLabel}, page ${ex.firstPage}.`);
  });
});

describe('front matter page count', () => {
  it('asks for a rerun when the front matter needs other pages than the Bates numbers assumed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
    dirs.push(dir);
    const input = packetInput([exhibit({ label: 'Exhibit 1', title: 'Doc', mediaType: 'application/octet-stream', originalName: 'a.bin', bytes: new Uint8Array([1]) }, 1)], {
      sections: ['cover', 'toc', 'exhibits'],
    });
    const profile = getCourtProfile('generic-50mb') as CourtProfile;
    const volumes: VolumeState[] = [];
    const outcome = await assemblePacket(
      {
        input,
        profile,
        fonts: loadPacketFonts(),
        pageSize: PAGE_SIZES.letter,
        sections: planSections(input.options.sections),
        // Wrong on purpose: cover and contents take two pages, not five.
        frontPages: 5,
        frontStarts: new Map([['cover', 0], ['toc', 1]]),
        frontBytesEstimate: 0,
        closeReserve: 100_000,
        sectionContext: (exhibits, sections, volumeCount, lastBates) => ({
          input,
          bates: input.options.bates,
          declarant: { name: 'Jane Roe' },
          exportDate: '2025-03-14T16:00:00.000Z',
          exhibits,
          sections: sections as never,
          volumeCount,
          packetBates: { first: 1, last: lastBates },
        }),
        tempPath: (n) => path.join(dir, `v${n}.tmp`),
      },
      volumes,
    );
    expect(outcome).toMatchObject({ kind: 'retry', frontPages: 2 });
    for (const v of volumes) await v.writer.discard();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('packet helpers', () => {
  const { metrics } = loadPacketFonts();

  it('formats Bates numbers with padding and ranges', () => {
    expect(formatBates({ prefix: 'DOSS-', padding: 6 }, 42)).toBe('DOSS-000042');
    expect(formatBates({ prefix: '', padding: 2 }, 12345)).toBe('12345');
    expect(formatBatesRange({ prefix: 'X', padding: 3 }, 7, 7)).toBe('X007');
    expect(formatBatesRange({ prefix: 'X', padding: 3 }, 7, 9)).toBe('X007 – X009');
  });

  it('formats dates, sizes and stored codes without locale data', () => {
    expect(formatLongDate('2025-03-04T23:59:00Z')).toBe('March 4, 2025');
    expect(formatBytes(1_234_567)).toBe('1,234,567 bytes (1.2 MiB)');
    expect(humanizeCode('ex_parte_tro')).toBe('ex parte TRO');
    expect(humanizeCode('Served (by e-mail)')).toBe('Served (by e-mail)');
  });

  it('wraps at spaces, breaks URLs after separators and hashes between digits', () => {
    const serif = metrics.serif as FontMetrics;
    const lines = wrapText(serif, 'The quick brown fox jumps over the lazy dog', 10, 80);
    expect(lines.join(' ')).toBe('The quick brown fox jumps over the lazy dog');
    for (const l of lines) expect(serif.widthOf(l, 10)).toBeLessThanOrEqual(80);
    const url = wrapText(serif, 'https://evidence.example/very/long/path/to/item', 10, 90);
    expect(url.join('')).toBe('https://evidence.example/very/long/path/to/item');
    expect(url[0]?.endsWith('/') || url[0]?.endsWith('.')).toBe(true);
    const mono = metrics.mono as FontMetrics;
    const hash = 'a'.repeat(64);
    expect(wrapText(mono, hash, 6.3, mono.widthOf('0'.repeat(32), 6.3) + 0.5)).toEqual(['a'.repeat(32), 'a'.repeat(32)]);
  });

  it('splits the section order around the exhibits and names volume files', () => {
    expect(planSections(['cover', 'exhibits', 'custody'])).toEqual({ front: ['cover'], back: ['custody'], includeExhibits: true });
    expect(planSections(['index', 'cover'])).toEqual({ front: ['index', 'cover'], back: [], includeExhibits: false });
    expect(volumePaths('/x/packet.pdf', 1)).toEqual(['/x/packet.pdf']);
    expect(volumePaths('/x/packet.pdf', 10)[0]).toBe('/x/packet-vol01.pdf');
  });
});
