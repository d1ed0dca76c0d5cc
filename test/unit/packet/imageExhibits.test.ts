import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { readImageInfo } from '../../../src-main/packet/readImageInfo';
import { exhibit, packetInput, withExifOrientation } from './packetFixtures';
import { qpdfCheck, renderGray } from './pdfTools';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/packet');
const jpeg = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'top-dark.jpg')));
const png = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'top-dark.png')));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Exports one image exhibit and returns the bounding box (in points, y down) of its dark half on the page. */
async function darkBox(bytes: Uint8Array, mediaType: string): Promise<{ x0: number; x1: number; y0: number; y1: number; pageWidth: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
  dirs.push(dir);
  const file = path.join(dir, 'packet.pdf');
  await exportPacket(packetInput([exhibit({ label: 'Exhibit 1', title: 'Photo', mediaType, originalName: 'photo', bytes }, 1)], { sections: ['exhibits'] }), file);
  expect(qpdfCheck(file).status).toBe(0);
  // 72 dpi: one pixel per point. Rows outside the header and footer bands only.
  const { width, pixels } = renderGray(file, 2, 72);
  const box = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity, pageWidth: width };
  for (let y = 50; y < 740; y++) {
    for (let x = 0; x < width; x++) {
      if ((pixels[y * width + x] ?? 255) < 50) {
        box.x0 = Math.min(box.x0, x);
        box.x1 = Math.max(box.x1, x);
        box.y0 = Math.min(box.y0, y);
        box.y1 = Math.max(box.y1, y);
      }
    }
  }
  return box;
}

describe('image exhibits', () => {
  it('reads size and EXIF orientation from the headers', () => {
    expect(readImageInfo(png)).toEqual({ format: 'png', width: 160, height: 80, orientation: 1, components: 3 });
    expect(readImageInfo(jpeg)).toMatchObject({ format: 'jpeg', width: 160, height: 80, orientation: 1, components: 3 });
    expect(readImageInfo(withExifOrientation(jpeg, 6))?.orientation).toBe(6);
    expect(readImageInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 2]))).toBeUndefined();
    expect(readImageInfo(new TextEncoder().encode('not an image'))).toBeUndefined();
  });

  it('places an upright image as stored: the dark half on top', async () => {
    const box = await darkBox(png, 'image/png');
    // 160 x 80 px at 0.75 pt per pixel: 120 x 60 pt, dark half 120 x 30.
    expect(box.x1 - box.x0).toBeGreaterThan(110);
    expect(box.y1 - box.y0).toBeLessThan(36);
  });

  it('turns a JPEG upright per EXIF orientation 6 (rotate 90° clockwise): the dark half on the right', async () => {
    const box = await darkBox(withExifOrientation(jpeg, 6), 'image/jpeg');
    expect(box.y1 - box.y0).toBeGreaterThan(110);
    expect(box.x1 - box.x0).toBeLessThan(36);
    expect((box.x0 + box.x1) / 2).toBeGreaterThan(box.pageWidth / 2);
  });

  it('orientation 8 (rotate 90° counter-clockwise) puts the dark half on the left', async () => {
    const box = await darkBox(withExifOrientation(jpeg, 8), 'image/jpeg');
    expect(box.y1 - box.y0).toBeGreaterThan(110);
    expect((box.x0 + box.x1) / 2).toBeLessThan(box.pageWidth / 2);
  });

  it('orientation 3 (upside down) puts the dark half at the bottom', async () => {
    const upright = await darkBox(jpeg, 'image/jpeg');
    const flipped = await darkBox(withExifOrientation(jpeg, 3), 'image/jpeg');
    expect(flipped.y0).toBeGreaterThan(upright.y0 + 20);
    expect(flipped.x1 - flipped.x0).toBeGreaterThan(110);
  });
});
