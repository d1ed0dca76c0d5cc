import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { MIN_SCALE, planImageTiles } from '../../../src-main/packet/imageTiling';
import { exhibit, makePng, packetInput } from './packetFixtures';
import { qpdfCheck, renderGray } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('tall and wide screenshots', () => {
  it('plans overlapping tiles that cover every pixel at no less than the minimum scale', () => {
    for (const [w, h, aw, ah] of [[1200, 5000, 540, 698], [9000, 900, 720, 518], [1920, 20000, 540, 698], [3000, 3000, 540, 698]] as const) {
      const plan = planImageTiles(w, h, aw, ah);
      expect(plan, `${w}x${h}`).not.toBeNull();
      if (!plan) continue;
      expect(plan.scale).toBeGreaterThanOrEqual(MIN_SCALE);
      for (const t of plan.tiles) {
        expect(t.width * plan.scale).toBeLessThanOrEqual(aw + 0.01);
        expect(t.height * plan.scale).toBeLessThanOrEqual(ah + 0.01);
      }
      // Every pixel row and column is in some tile; neighbours overlap.
      const covered = (axis: 'x' | 'y', size: number, total: number): boolean => {
        const spans = [...new Set(plan.tiles.map((t) => `${t[axis]}:${t[axis] + t[size === 0 ? 'width' : 'height']}`))].map((s) => s.split(':').map(Number) as [number, number]);
        spans.sort((a, b) => a[0] - b[0]);
        let reach = 0;
        for (const [a, b] of spans) {
          if (a > reach) return false;
          if (a > 0) expect(a).toBeLessThan(reach); // overlap
          reach = Math.max(reach, b);
        }
        return reach === total;
      };
      expect(covered('x', 0, w)).toBe(true);
      expect(covered('y', 1, h)).toBe(true);
    }
    // A normal screenshot stays on one page.
    expect(planImageTiles(1280, 720, 720, 518)).toBeNull();
    expect(planImageTiles(400, 300, 540, 698)).toBeNull();
  });

  it('spreads a 1200 × 5000 PNG over several pages at a legible scale, with an overview and "part i of n" labels', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-tile-'));
    dirs.push(dir);
    const file = path.join(dir, 'packet.pdf');
    // Black bands 20 px high every 500 px: each must appear in the tiles.
    const png = makePng(1200, 5000, (_x, y) => (y % 500 < 20 ? [0, 0, 0] : [250, 250, 250]));
    const result = await exportPacket(packetInput([exhibit({ label: 'Exhibit 1', title: 'Full-page capture', mediaType: 'image/png', originalName: 'capture.png', bytes: png }, 1)], { sections: ['exhibits'] }), file);
    if (process.env.DOSSIER_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.DOSSIER_KEEP_PDF, 'tiles.pdf'));
    expect(qpdfCheck(file).status).toBe(0);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    const parts = pages.filter((p) => / — part \d+ of \d+ /.test(p));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const n = parts.length;
    parts.forEach((p, i) => expect(p).toContain(`part ${i + 1} of ${n}`));
    expect(pages[1]).toContain('overview');
    expect(result.exhibits[0]?.pageCount).toBe(n + 2);
    // Drawn at >= MIN_SCALE: on the first tile page (page 3) the image is at least 1200 * MIN_SCALE pt wide.
    const { width, height, pixels } = renderGray(file, 3, 72);
    const row = Math.round(height * 0.4);
    let left = -1;
    let right = -1;
    for (let x = 0; x < width; x++) {
      if ((pixels[row * width + x] ?? 255) < 252 && (pixels[row * width + x] ?? 0) > 200) {
        if (left < 0) left = x;
        right = x;
      }
    }
    expect(right - left).toBeGreaterThanOrEqual(Math.floor(1200 * MIN_SCALE) - 2);
  });
});
