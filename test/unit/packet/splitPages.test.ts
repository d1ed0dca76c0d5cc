import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPacketFonts } from '../../../src-main/fonts/packetFonts';
import { PdfVolumeWriter } from '../../../src-main/packet/PdfVolumeWriter';
import { tempDir } from '../../helpers/tempDir';
import { qpdfCheck } from './pdfTools';

/** A writer holding `count` pages, each printing its number ("P17") and a line of filler whose length varies. */
async function writerWithPages(file: string | null, count: number): Promise<PdfVolumeWriter> {
  const fonts = loadPacketFonts();
  const writer = await PdfVolumeWriter.create(file, fonts.bytes);
  for (let i = 0; i < count; i++) {
    const page = writer.newPage(612, 792);
    page.drawText(`P${i}`, { x: 72, y: 700, size: 12, font: writer.fonts.sans });
    page.drawText('x'.repeat(20 + ((i * 37) % 200)), { x: 72, y: 650, size: 6, font: writer.fonts.sans });
  }
  return writer;
}

describe('splitting a volume between pages (PdfVolumeWriter)', () => {
  it('plans runs that cover every page once, in order, each within the budget unless it is the fewest pages a run may hold', async () => {
    const writer = await writerWithPages(null, 40);
    const whole = writer.pendingBytes();
    const budget = Math.round(whole / 5);
    const parts = writer.planParts(0, (bytes) => bytes <= budget, 2);
    await writer.discard();
    expect(parts.length).toBeGreaterThanOrEqual(5);
    expect(parts[0]!.start).toBe(0);
    expect(parts.at(-1)!.end).toBe(40);
    parts.slice(1).forEach((p, i) => expect(p.start).toBe(parts[i]!.end));
    // The first two pages stay together; every run fits.
    expect(parts[0]!.end).toBeGreaterThanOrEqual(2);
    for (const p of parts) {
      expect(p.fits).toBe(true);
      expect(p.bytes).toBeLessThanOrEqual(budget);
    }
    // Pages too large for the budget: each run holds the fewest it may (the first two together, then one) and says it does not fit.
    const tiny = (await writerWithPages(null, 3)).planParts(0, (bytes) => bytes <= 10, 2);
    expect(tiny.map((p) => [p.start, p.end, p.fits])).toEqual([
      [0, 2, false],
      [2, 3, false],
    ]);
  });

  it('keeps a range of more pages than one page-tree node holds, and writes a valid PDF of just those pages in order', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'part.pdf');
    const writer = await writerWithPages(file, 0);
    const since = writer.checkpoint();
    for (let i = 0; i < 600; i++) writer.newPage(612, 792).drawText(`P${i}`, { x: 72, y: 700, size: 12, font: writer.fonts.sans });
    await writer.keepBodyPages(100, 520, since);
    expect(writer.bodyPageCount).toBe(420);
    await writer.close((doc) => ({ info: doc.context.register(doc.context.obj({ Producer: 'test' })) }));
    expect(qpdfCheck(file).status).toBe(0);
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim() !== '')
      .map((p) => p.trim());
    expect(pages).toEqual(Array.from({ length: 420 }, (_, i) => `P${100 + i}`));
  });
});
