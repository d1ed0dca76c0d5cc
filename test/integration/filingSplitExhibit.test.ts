import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { type AttachmentRow as Attachment, batesOf, filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';
import { makePng } from '../unit/packet/packetFixtures';

const LIMIT = 0.25 * 1024 * 1024;

/** Pixels no compressor can shrink (a fixed pseudo-random sequence), so each page's size is known. */
function noisePng(size: number, seed: number): Buffer {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 24;
  };
  return Buffer.from(makePng(size, size, () => [next(), next(), next()]));
}

/** A scanned-looking PDF: each page a noise image (about 77 KB) and the searchable marker SCAN-PAGE-i. */
async function scanPdf(file: string, pages: number): Promise<void> {
  const doc = new PDFDocument({ size: 'LETTER', autoFirstPage: false, info: { CreationDate: new Date('2025-01-02T03:04:05Z'), Title: 'Scan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let i = 1; i <= pages; i++) {
    doc.addPage();
    doc.fontSize(12).text(`Marker SCAN-PAGE-${i} of ${pages}`, 72, 72);
    doc.image(noisePng(160, i), 72, 100, { width: 300 });
  }
  doc.end();
  await done;
  fs.writeFileSync(file, Buffer.concat(chunks));
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

async function splitCase(dir: string): Promise<{ file: string; profile: string }> {
  const { file } = await filingCase(dir);
  const scan = path.join(dir, 'scan.pdf');
  await scanPdf(scan, 8);
  expect(fs.statSync(scan).size).toBeGreaterThan(2 * LIMIT);
  await dossierJson(['evidence', 'add', file, scan, '--acquired-at', '2024-03-02', '--acquired-by', 'A. Investigator']);
  const profile = path.join(dir, 'small.json');
  fs.writeFileSync(profile, JSON.stringify({ name: 'small-ecf', description: 'A court taking 0.25 MB per file', pageSize: 'letter', maxMb: 0.25, filing: true, layout: 'ecf' }));
  return { file, profile };
}

describe('an exhibit over the per-file limit in the ECF layout (issue 11)', () => {
  it('is filed as "Part i of N" files split between pages, each under the limit on disk, Bates numbers running on, one attachment row per part; a re-export gives the same bytes', async () => {
    const dir = tempDir();
    const { file, profile } = await splitCase(dir);

    const check = await dossier(['packet', file, '--check', '--profile-file', profile, '--json', ...SIGNED]);
    expect(check.status, check.stderr).toBe(0);
    const findings = JSON.parse(check.stdout) as { severity: string; code: string; message: string }[];
    const info = findings.find((f) => f.code === 'EXHIBIT_FILED_IN_PARTS');
    expect(info?.message).toMatch(/^Exhibit 3 is larger than the 262,144 bytes \(256 KiB\) per-file limit of small-ecf; it will be filed in parts split between pages \(\d as this check measures them/);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

    const outDir = path.join(dir, 'filing');
    fs.mkdirSync(outDir);
    const main = path.join(outDir, 'declaration.pdf');
    const result = await dossierJson<{ productionId: string; warnings: { code: string }[] }>(['packet', file, '--out', main, '--profile-file', profile, ...SIGNED]);
    expect(result.warnings.map((w) => w.code)).not.toContain('VOLUME_OVER_LIMIT');
    const attachments = JSON.parse(fs.readFileSync(path.join(outDir, 'attachments.json'), 'utf8')) as Attachment[];
    const parts = attachments.filter((a) => a.file.startsWith('Exhibit 3 - '));
    const n = parts.length;
    expect(n).toBeGreaterThan(1);
    expect(Number(info!.message.match(/\((\d) as this check measures them/)![1])).toBe(n);
    expect(parts.map((a) => a.file)).toEqual(parts.map((_, i) => `Exhibit 3 - scan.pdf (Part ${i + 1} of ${n}).pdf`));
    expect(parts.map((a) => a.number)).toEqual(parts.map((_, i) => 3 + i));
    parts.forEach((a, i) => expect(a.description).toBe(`Exhibit 3 - scan.pdf (Part ${i + 1} of ${n}) (${a.batesFirst} – ${a.batesLast})`));
    const csv = fs.readFileSync(path.join(outDir, 'attachments.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 2 + n);
    expect(csv.filter((line) => /Exhibit 3 - scan\.pdf \(Part \d of \d\) \(STORM-/.test(line))).toHaveLength(n);

    // Every file as written is under the limit.
    const written = fs.readdirSync(outDir).sort();
    for (const name of written.filter((f) => f.endsWith('.pdf'))) expect(fs.statSync(path.join(outDir, name)).size, name).toBeLessThanOrEqual(LIMIT);
    // One run of Bates numbers: main document, then every attachment in order, parts included.
    const files = [main, ...attachments.map((a) => path.join(outDir, a.file))];
    const numbers = files.flatMap((f) => batesOf(f));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => numbers[0]! + i));
    for (const a of attachments) {
      const own = batesOf(path.join(outDir, a.file));
      expect(own).toHaveLength(a.pages);
      expect(`STORM-${String(own[0]).padStart(6, '0')}`).toBe(a.batesFirst);
      expect(`STORM-${String(own.at(-1)).padStart(6, '0')}`).toBe(a.batesLast);
    }
    // The slip sheet opens part 1; each source page is in exactly one part, in order.
    const partTexts = parts.map((a) => pdftotext(path.join(outDir, a.file)));
    expect(partTexts[0]).toContain(`Exhibit 3 (Part 1 of ${n}) · slip sheet`);
    expect(partTexts[0]!.replace(/\s+/g, ' ')).toMatch(new RegExp(`Bates range STORM-\\d{6} – STORM-\\d{6}; filed in ${n} parts`));
    expect(partTexts.slice(1).join('')).not.toContain('slip sheet');
    // Each page's footer names its part, so a page printed alone can be put back.
    partTexts.forEach((text, i) => expect(text.match(/Exhibit 3 \(Part (\d) of \d\) · page/g)?.every((m) => m.includes(`Part ${i + 1} of ${n}`))).toBe(true));
    const markers = partTexts.join('\f').match(/SCAN-PAGE-\d/g);
    expect(markers).toEqual(Array.from({ length: 8 }, (_, i) => `SCAN-PAGE-${i + 1}`));
    // The index and contents say so.
    const mainText = pdftotext(main).replace(/\s+/g, ' ');
    expect(mainText).toContain(`Filed in ${n} parts (Att. 3–${2 + n}).`);
    expect(mainText).toContain('exhibits as attachments, large ones in parts');
    expect(mainText).toMatch(new RegExp(`Exhibit 3 — scan\\.pdf[ .]*STORM-\\d{6} Att\\. 3–${2 + n}`));

    // The same production again: the same files, byte for byte, parts included.
    const againDir = path.join(dir, 'again');
    fs.mkdirSync(againDir);
    await dossierJson(['packet', file, '--production', result.productionId, '--out', path.join(againDir, 'declaration.pdf')]);
    expect(fs.readdirSync(againDir).sort()).toEqual(written);
    for (const name of written) expect(fs.readFileSync(path.join(againDir, name)).equals(fs.readFileSync(path.join(outDir, name))), name).toBe(true);

    // --layout combined keeps the old rule: an exhibit over the limit is an error.
    const combined = await dossier(['packet', file, '--check', '--profile-file', profile, '--layout', 'combined', '--json', ...SIGNED]);
    expect(combined.status).toBe(2);
    expect((JSON.parse(combined.stdout) as { code: string }[]).map((f) => f.code)).toContain('EXHIBIT_OVER_LIMIT');
  });

  it('refuses a page that alone is over the limit, in the check and in the export (exit 2), naming the exhibit and page', async () => {
    const dir = tempDir();
    const { file, profile } = await splitCase(dir);
    const photo = path.join(dir, 'photo.png');
    fs.writeFileSync(photo, noisePng(400, 7));
    expect(fs.statSync(photo).size).toBeGreaterThan(LIMIT);
    await dossierJson(['evidence', 'add', file, photo]);

    const check = await dossier(['packet', file, '--check', '--profile-file', profile, '--json', ...SIGNED]);
    expect(check.status).toBe(2);
    const errors = (JSON.parse(check.stdout) as { severity: string; code: string; message: string }[]).filter((f) => f.severity === 'error');
    // Only the photo is refused; the scan that splits into parts is fine.
    expect(errors.map((e) => e.code)).toEqual(['EXHIBIT_PAGE_OVER_LIMIT']);
    expect(errors[0]!.message).toMatch(/^Exhibit 4: page 1 \(with the slip sheet\) takes [\d,]+ bytes \([\d.]+ KiB\) by itself, so no file holding it can stay under the 262,144 bytes \(256 KiB\) per-file limit of small-ecf/);

    const outDir = path.join(dir, 'filing');
    fs.mkdirSync(outDir);
    const refused = await dossier(['packet', file, '--out', path.join(outDir, 'declaration.pdf'), '--profile-file', profile, ...SIGNED]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/\[EXHIBIT_PAGE_OVER_LIMIT\] Exhibit 4: page 1 \(with the slip sheet\) takes/);
    expect(fs.readdirSync(outDir)).toEqual([]);

    // --force files it anyway, in a file of its own, and says which page is over the limit.
    const forced = await dossierJson<{ warnings: { code: string; message: string }[]; volumes: { path: string; bytes: number }[] }>(['packet', file, '--out', path.join(outDir, 'declaration.pdf'), '--profile-file', profile, '--force', ...SIGNED]);
    const over = forced.volumes.filter((v) => v.bytes > LIMIT).map((v) => path.basename(v.path));
    expect(over).toEqual(['Exhibit 4 - photo.png.pdf']);
    expect(fs.statSync(path.join(outDir, 'Exhibit 4 - photo.png.pdf')).size).toBeGreaterThan(LIMIT);
    expect(forced.warnings.find((w) => w.code === 'VOLUME_OVER_LIMIT')?.message).toMatch(/^Exhibit 4 - photo\.png\.pdf is .* over the 262,144 bytes \(256 KiB\) per-file limit of small-ecf: Exhibit 4: page 1 \(with the slip sheet\) takes/);
    expect(forced.warnings.map((w) => w.code)).toContain('EXHIBIT_PAGE_OVER_LIMIT');
  });
});
