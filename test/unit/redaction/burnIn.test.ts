import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { assertNoLeaks } from '../../../src-main/redaction/assertNoLeaks';
import { burnInImage } from '../../../src-main/redaction/burnInImage';
import { findLeaks } from '../../../src-main/redaction/findLeaks';
import { rasterisePdfPages } from '../../../src-main/redaction/rasterisePdfPages';
import { redactText } from '../../../src-main/redaction/redactText';
import { SECRETS, writeRedactionFixtures } from '../../helpers/redactionFixtures';
import { tempDir } from '../../helpers/tempDir';

const label = 'REDACTED - FRCP 5.2(a)(4)';

describe('burning redactions in', () => {
  it('replaces a value in every spelling, keeping what the rule keeps, each place labelled', () => {
    const r = { values: [{ value: '123-45-6789', kept: 'XXX-XX-6789', label }, { value: 'Jane Roe', kept: 'J.R.', label }], boxes: [] };
    const text = 'SSN 123-45-6789, again 123 45 6789 and 123456789; Jane Roe / JANE ROE; 1234-5-6780 stays';
    const out = redactText(text, r);
    expect(out).toBe(`SSN XXX-XX-6789 [${label}], again XXX XX 6789 [${label}] and XXXXX6789 [${label}]; J.R.     [${label}] / J.R.     [${label}]; 1234-5-6780 stays`);
    // A short value is a whole word only.
    const short = { values: [{ value: 'Al', kept: 'A.', label }], boxes: [] };
    expect(redactText('Al met Alice; AL.', short)).toBe(`A. [${label}] met Alice; A. [${label}].`);
  });

  it('burns boxes into image pixels and drops everything else of the file', async () => {
    const fx = await writeRedactionFixtures(tempDir());
    const png = await burnInImage(fs.readFileSync(fx.png), [{ page: 1, box: fx.pngBox, kept: '', label: 'REDACTED - personal data' }]);
    const image = await loadImage(Buffer.from(png));
    const g = createCanvas(image.width, image.height).getContext('2d');
    g.drawImage(image, 0, 0);
    // Inside the box, away from the label, pixels are black; outside it the page is as it was.
    expect([...g.getImageData(fx.pngBox.x + 3, fx.pngBox.y + 3, 1, 1).data.slice(0, 3)]).toEqual([0, 0, 0]);
    expect([...g.getImageData(5, 5, 1, 1).data.slice(0, 3)]).toEqual([255, 255, 255]);
  });

  it('takes boxes on a turned photo (EXIF orientation) as the photo is seen upright, and writes it upright', async () => {
    // 200 × 100 stored pixels, red on the left quarter, EXIF orientation 6 (shown turned 90° clockwise: 100 × 200).
    const c = createCanvas(200, 100);
    const g0 = c.getContext('2d');
    g0.fillStyle = '#ffffff';
    g0.fillRect(0, 0, 200, 100);
    g0.fillStyle = '#ff0000';
    g0.fillRect(0, 0, 50, 100);
    const jpg = c.toBuffer('image/jpeg');
    const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const turned = Buffer.concat([jpg.subarray(0, 2), Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255]), body, jpg.subarray(2)]);
    // Upright, the red band is the top quarter; black out the bottom half.
    const png = await burnInImage(turned, [{ page: 1, box: { x: 0, y: 100, w: 100, h: 100 }, kept: '', label: 'x' }]);
    const image = await loadImage(Buffer.from(png));
    expect([image.width, image.height]).toEqual([100, 200]);
    const g = createCanvas(100, 200).getContext('2d');
    g.drawImage(image, 0, 0);
    const [r, gr, b] = g.getImageData(50, 20, 1, 1).data;
    expect(r).toBeGreaterThan(200);
    expect(gr! + b!).toBeLessThan(60);
    expect([...g.getImageData(50, 190, 1, 1).data.slice(0, 3)]).toEqual([0, 0, 0]);
    expect([...g.getImageData(50, 80, 1, 1).data.slice(0, 3)].every((v) => v > 200)).toBe(true);
  });

  it('rasterises only the pages with a redaction, rebuilds their text without the value, and leaves nothing of the old page in the file', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir, { plantAnnotation: true });
    const out = await rasterisePdfPages(fs.readFileSync(fx.pdf), { values: [{ value: SECRETS.account, kept: 'XXXXXXXX6789', label }], boxes: [] });
    expect(out.redactedPages).toEqual([1]);
    const file = path.join(dir, 'redacted.pdf');
    fs.writeFileSync(file, out.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).not.toContain('123456789');
    expect(text).toMatch(/Transfers\s+to\s+the\s+marketplace\s+operator\s+wallet/);
    expect(text).toContain(`XXXXXXXX6789 [${label}]`);
    expect(text).toContain('Page two has nothing to redact');
    const qdf = path.join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    expect(execFileSync('strings', [qdf], { encoding: 'latin1' })).not.toMatch(/0001234567|123456789/);
    expect(await findLeaks(file, [SECRETS.account])).toEqual([]);
  });

  it('finds a value planted in an annotation, in page text spelt with other separators, and fails with the page named', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir, { plantAnnotation: true });
    const leaks = await findLeaks(fx.pdf, ['0001-2345-6789', SECRETS.iban], 'statement.pdf');
    expect(leaks).toEqual([
      { file: 'statement.pdf', page: 1, where: 'page text', value: '0001-2345-6789' },
      { file: 'statement.pdf', page: 1, where: 'annotation', value: '0001-2345-6789' },
      // Read from the file's own objects as well: the annotation's string, the page's content stream.
      { file: 'statement.pdf', page: 1, where: 'content stream', value: '0001-2345-6789' },
      { file: 'statement.pdf', page: 1, where: 'object strings', value: '0001-2345-6789' },
    ]);
    await expect(assertNoLeaks([{ path: fx.pdf, name: 'statement.pdf' }], ['000 123 456 789'])).rejects.toMatchObject({
      code: 'REDACTION_LEAK',
      message: expect.stringContaining('statement.pdf page 1 (page text); statement.pdf page 1 (annotation)'),
    });
  });
});
