import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import type { PacketResult } from '../../../src-main/packet/PacketResult';
import { exhibit, makePng, packetInput } from './packetFixtures';
import { outlines, pageTexts, qpdfCheck } from './pdfTools';

/** Incompressible pixels (a fixed pseudo-random sequence), so each image adds a known ~size to the packet. */
function noisePng(seed: number, side: number): Uint8Array {
  let s = seed;
  const next = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 24;
  };
  return makePng(side, side, () => [next(), next(), next()]);
}

describe('volumes', () => {
  let dir: string;
  let result: PacketResult;
  const limit = 600 * 1024;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
    // Eight exhibits of ~110 KB each against a 600 KB limit: at least two volumes.
    const exhibits = Array.from({ length: 8 }, (_, i) =>
      exhibit({ label: `Exhibit ${i + 1}`, title: `Screenshot ${i + 1}`, mediaType: 'image/png', originalName: `s${i + 1}.png`, bytes: noisePng(i + 1, 190) }, i + 1),
    );
    result = await exportPacket(packetInput(exhibits, { maxVolumeBytes: limit, bates: { prefix: 'MSFT-', start: 500, padding: 7 } }), path.join(dir, 'packet.pdf'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('splits at exhibit boundaries into numbered files within the limit', () => {
    expect(result.volumes.length).toBeGreaterThanOrEqual(2);
    expect(result.volumes.map((v) => path.basename(v.path))).toEqual(result.volumes.map((_, i) => `packet-vol${i + 1}.pdf`));
    expect(fs.readdirSync(dir).sort()).toEqual(result.volumes.map((v) => path.basename(v.path)).sort());
    for (const v of result.volumes) {
      expect(v.bytes).toBeLessThanOrEqual(limit);
      expect(fs.statSync(v.path).size).toBe(v.bytes);
      expect(qpdfCheck(v.path).status).toBe(0);
    }
    expect(result.warnings.filter((w) => w.code === 'VOLUME_OVER_LIMIT')).toEqual([]);
    // No exhibit is cut in two: each lies wholly in one volume.
    for (const ex of result.exhibits) {
      const vol = result.volumes[ex.volume - 1];
      expect(ex.batesFirst).toBeGreaterThanOrEqual(vol?.batesFirst ?? 0);
      expect(ex.batesLast).toBeLessThanOrEqual(vol?.batesLast ?? 0);
    }
  });

  it('continues Bates numbers across volumes, every page stamped in sequence', () => {
    let expected = 500;
    result.volumes.forEach((v, i) => {
      const pages = pageTexts(v.path);
      expect(pages.length).toBe(v.pages);
      expect(v.batesFirst).toBe(expected);
      for (const [p, text] of pages.entries()) {
        const label = `MSFT-${String(expected).padStart(7, '0')}`;
        expect(text.trimEnd().endsWith(label), `volume ${i + 1} page ${p + 1}`).toBe(true);
        expected++;
      }
      expect(v.batesLast).toBe(expected - 1);
    });
    expect(result.totalPages).toBe(expected - 500);
  });

  it('points the index and contents in volume 1 at the right volume and page', () => {
    const first = pageTexts(result.volumes[0]?.path as string);
    const toc = first.join('\n');
    for (const ex of result.exhibits) {
      const where = result.volumes.length > 1 ? `Vol. ${ex.volume}, p. ${ex.firstPage}` : `p. ${ex.firstPage}`;
      expect(toc).toMatch(new RegExp(`${ex.label} — .*${ex.batesFirstLabel}\\s+${where.replace(/\./g, '\\.')}`));
      const pages = pageTexts(result.volumes[ex.volume - 1]?.path as string);
      expect(pages[ex.firstPage - 1]).toContain(ex.label.toUpperCase());
      expect(pages[ex.firstPage - 1]).toContain(ex.batesFirstLabel);
    }
  });

  it('opens every later volume with a cover naming the volume, its exhibits and Bates range', () => {
    for (const [i, v] of result.volumes.entries()) {
      if (i === 0) continue;
      const cover = pageTexts(v.path)[0] as string;
      const inVol = result.exhibits.filter((e) => e.volume === i + 1);
      expect(cover).toContain(`VOLUME ${i + 1} OF ${result.volumes.length}`);
      expect(cover).toContain('Case No. 1:25-cv-01234 (JMF)');
      expect(cover).toContain(inVol.length === 1 ? inVol[0]?.label : `${inVol[0]?.label} through ${inVol.at(-1)?.label}`);
      expect(cover.replace(/\s+/g, ' ')).toContain(`Bates MSFT-${String(v.batesFirst).padStart(7, '0')} – MSFT-${String(v.batesLast).padStart(7, '0')}`);
      expect(inVol[0]?.firstPage).toBe(2);
    }
  });

  it('bookmarks each volume, later ones as "Exhibits (continued)"', () => {
    const second = outlines(result.volumes[1]?.path as string);
    expect(second[0]).toMatchObject({ title: `Volume 2 of ${result.volumes.length}`, destpageposfrom1: 1 });
    const node = second.find((n) => n.title === 'Exhibits (continued)');
    const inSecond = result.exhibits.filter((e) => e.volume === 2);
    expect(node?.kids.map((k) => k.destpageposfrom1)).toEqual(inSecond.map((e) => e.firstPage));
  });
});
