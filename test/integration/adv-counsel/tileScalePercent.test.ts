import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): a tall screenshot is tiled, and its slip
// sheet states the scale twice: "tiles at 65% of screen size (0.68 pt per pixel ...)". Screen
// size is 96 pixels per inch, 0.75 pt per pixel (imageTiling MAX_SCALE): 0.68 pt per pixel is 91%
// of it. The percentage is computed as scale × 96, a number without meaning.

const pdftotext = packetText;

describe('the scale a tiled image is said to be shown at', () => {
  it('gives the same scale as a percentage of screen size and in points per pixel', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const png = new PNG({ width: 800, height: 6000 });
    png.data.fill(200);
    const shot = path.join(dir, 'fullpage.png');
    fs.writeFileSync(shot, PNG.sync.write(png));
    await dossierJson(['evidence', 'add', file, shot]);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const m = /tiles at (\d+)% of screen size \((\d+\.\d+) pt per pixel/.exec(pdftotext(out));
    expect(m).not.toBeNull();
    const percent = Number(m![1]);
    const ptPerPixel = Number(m![2]);
    // 100% of screen size is 0.75 pt per pixel (96 pixels per inch).
    expect(Math.abs(percent - (ptPerPixel / 0.75) * 100)).toBeLessThanOrEqual(2);
  });
});
