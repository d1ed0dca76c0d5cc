import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { exhibit, packetInput, withExifOrientation } from './packetFixtures';
import { pageTexts } from './pdfTools';

// A phone photo stored 160 × 80 with EXIF orientation 6 is shown turned, 80 × 160. The page
// header gave "(JPEG, 80 × 160 pixels)" only: dimensions that are not the file's, with no word of
// the turn, so an examiner opening the file finds other numbers.

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/packet');
const jpeg = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'top-dark.jpg')));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The text of each page of a packet holding only this one JPEG exhibit (slip sheet, then the image page). */
async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
  dirs.push(dir);
  const file = path.join(dir, 'packet.pdf');
  await exportPacket(packetInput([exhibit({ label: 'Exhibit 1', title: 'Photo', mediaType: 'image/jpeg', originalName: 'photo.jpg', bytes }, 1)], { sections: ['exhibits'] }), file);
  return pageTexts(file).map((t) => t.replace(/\s+/g, ' '));
}

describe('an image turned upright per its EXIF orientation', () => {
  it.each([
    [6, 'turned 90° clockwise'],
    [8, 'turned 90° counter-clockwise'],
  ])('orientation %i: the page header and slip sheet say it was %s, and give the stored size', async (orientation, turn) => {
    const [slip, page] = await pagesOf(withExifOrientation(jpeg, orientation));
    for (const text of [slip!, page!]) {
      expect(text).toContain('80 × 160 pixels');
      expect(text).toContain(turn);
      expect(text).toContain('stored 160 × 80');
    }
  });

  it('an upright image says nothing of a turn', async () => {
    const [slip, page] = await pagesOf(jpeg);
    for (const text of [slip!, page!]) {
      expect(text).toContain('160 × 80 pixels');
      expect(text).not.toMatch(/turned|stored \d/);
    }
  });
});
