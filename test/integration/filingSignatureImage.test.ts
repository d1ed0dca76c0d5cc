import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src-main/demo/encodePng';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

/** A 320 x 90 signature-like PNG: white with a dark diagonal stroke. */
function signaturePng(): Buffer {
  const width = 320;
  const height = 90;
  const rgb = new Uint8Array(width * height * 3).fill(255);
  for (let x = 10; x < width - 10; x += 1) {
    const y = Math.round(20 + 50 * Math.abs(Math.sin(x / 25)));
    for (let dy = 0; dy < 4; dy += 1) rgb.set([20, 30, 110], ((y + dy) * width + x) * 3);
  }
  return encodePng(width, height, rgb);
}

/** The pages (1-based) whose text holds `needle`. */
function pagesWith(pdf: string, needle: string): number[] {
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  return pages.flatMap((text, i) => (text.includes(needle) ? [i + 1] : []));
}

/** `pdfimages -list` rows of one page: [width, height] of each image drawn there. */
function imagesOnPage(pdf: string, page: number): [number, number][] {
  const out = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 5 && cols[2] === 'image')
    .map((cols) => [Number(cols[3]), Number(cols[4])]);
}

/** A 240 x 80 JPEG of a curved stroke. */
function signatureJpeg(): Buffer {
  const canvas = createCanvas(240, 80);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 240, 80);
  g.strokeStyle = '#123';
  g.lineWidth = 4;
  g.beginPath();
  g.moveTo(10, 60);
  g.bezierCurveTo(60, 0, 120, 80, 230, 20);
  g.stroke();
  return canvas.toBuffer('image/jpeg');
}

describe('a signature image on the declaration (issue 11)', () => {
  it('draws the image above the /s/ line, and a re-export of the production is byte-identical after the image file is deleted', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const signature = path.join(dir, 'signature.png');
    fs.writeFileSync(signature, signaturePng());
    const out = path.join(dir, 'p.pdf');
    const first = await dossierJson<{ productionId: string }>(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED, '--signature-image', signature]);
    // The page that signs the declaration carries the /s/ line and the image, at its pixel size.
    const signed = pagesWith(out, '/s/ Jane Roe');
    expect(signed).toHaveLength(1);
    expect(imagesOnPage(out, signed[0]!)).toContainEqual([320, 90]);
    // Only there: no other page draws it.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    for (let p = 1; p <= pages; p += 1) if (p !== signed[0]) expect(imagesOnPage(out, p)).not.toContainEqual([320, 90]);

    // The export record travels in shares: it names the image file, never the folder it was in.
    const recorded = execFileSync('sqlite3', [file, 'SELECT options FROM packet_export;'], { encoding: 'utf8' });
    expect(recorded).toContain('signature.png');
    expect(recorded).not.toContain(dir);

    fs.rmSync(signature);
    const again = path.join(dir, 'again.pdf');
    await dossierJson(['packet', file, '--production', first.productionId, '--out', again]);
    expect(fs.readFileSync(again).equals(fs.readFileSync(out))).toBe(true);
  });

  it('takes a JPEG too', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const signature = path.join(dir, 'signature.jpg');
    fs.writeFileSync(signature, signatureJpeg());
    const out = path.join(dir, 'p.pdf');
    const result = await dossier(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED, '--signature-image', signature]);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const signed = pagesWith(out, '/s/ Jane Roe');
    expect(imagesOnPage(out, signed[0]!)).toContainEqual([240, 80]);
  });

  it('refuses a file that is not a PNG or JPEG, naming it, and writes nothing', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const out = path.join(dir, 'p.pdf');
    const cases: [string, Buffer, RegExp][] = [
      ['notes.png', Buffer.from('This is a text file, not a signature.\n'), /notes\.png.*is not a PNG or JPEG image/],
      // The PNG signature and header, then the pixels cut off: only a decoder tells.
      ['cut.png', signaturePng().subarray(0, 60), /cut\.png.*cannot be decoded as a PNG image: it is cut short or damaged/],
      // A JPEG whose scan stops half way (its header is whole).
      ['cut.jpg', signatureJpeg().subarray(0, Math.floor(signatureJpeg().length * 0.8)), /cut\.jpg.*cannot be decoded as a JPEG image: it is cut short or damaged/],
      ['huge.png', Buffer.concat([signaturePng(), Buffer.alloc(2 * 1024 * 1024)]), /huge\.png.*is 2\.\d MB, more than the limit/],
    ];
    for (const [name, bytes, message] of cases) {
      const image = path.join(dir, name);
      fs.writeFileSync(image, bytes);
      const result = await dossier(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED, '--signature-image', image]);
      expect(result.status, name).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(fs.existsSync(out)).toBe(false);
      // --check reads the same options, so it refuses the same way.
      const check = await dossier(['packet', file, '--check', '--layout', 'combined', ...SIGNED, '--signature-image', image]);
      expect(check.status, name).toBe(2);
      expect(check.stderr).toMatch(message);
    }
    const missing = await dossier(['packet', file, '--out', out, ...SIGNED, '--signature-image', path.join(dir, 'gone.png')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/gone\.png cannot be read/);
    expect(await dossierJson<unknown[]>(['productions', file])).toHaveLength(0);
  });
});
