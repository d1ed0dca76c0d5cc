import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import fontkit from '@pdf-lib/fontkit';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { defaultFontDir } from '../../src-main/fonts/packetFonts';
import { foldForMatching } from '../../src-main/redaction/foldedText';
import { jpegWithComment } from '../helpers/plantedLeaks';
import { packetArgs } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

/** Words of a PDF page's text whose right edge runs past the page's right margin (pdftotext -bbox). */
function wordsPastMargin(pdf: string, margin = 30): string[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const out: string[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)![1]);
    for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) if (Number(m[1]) > width - margin) out.push(m[2]!);
  }
  return out;
}

/** A PDF whose first page shows its lower half only (crop box) and carries `offPage` above it; a second page with `second`, if given. */
async function croppedPdf(dir: string, offPage: string, second?: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText('Visible statement text', { x: 72, y: 200, size: 12, font });
  page.drawText(offPage, { x: 72, y: 700, size: 12, font });
  page.setCropBox(0, 0, 612, 400);
  if (second) doc.addPage([612, 792]).drawText(second, { x: 72, y: 700, size: 12, font });
  const file = path.join(dir, 'cropped.pdf');
  fs.writeFileSync(file, await doc.save({ useObjectStreams: false }));
  return file;
}

async function caseWith(dir: string, files: string[]): Promise<string> {
  const file = path.join(dir, 'case.dossier');
  await dossierJson(['new', file, '--title', 'Findings']);
  await dossierJson(['evidence', 'add', file, ...files]);
  return file;
}

describe('redaction findings of the adversarial round', () => {
  it('the sealed set prints every character of a long redacted name (its line wraps where the public one does, both inside the margin)', async () => {
    const dir = tempDir();
    const name = 'Christopher Alexander Montgomery-Smithson Junior the Third of Westchester County NY';
    const letter = path.join(dir, 'minor.txt');
    fs.writeFileSync(letter, `Minor: ${name} said THE-CRUCIAL-WORDS and then left the room quietly.\n`);
    const file = await caseWith(dir, [letter]);
    await dossierJson(['redact', 'add', file, '1', '--text', name, '--category', 'minor_name']);
    const publicPdf = path.join(dir, 'public.pdf');
    const pub = await dossierJson<{ productionId: string; totalPages: number }>(packetArgs(file, publicPdf));
    const sealedPdf = path.join(dir, 'sealed.pdf');
    const sealed = await dossierJson<{ totalPages: number }>(['packet', file, '--out', sealedPdf, '--production', pub.productionId, '--sealed']);
    expect(sealed.totalPages).toBe(pub.totalPages);
    const sealedText = execFileSync('pdftotext', [sealedPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(sealedText).toContain(`${name} [REDACTED - FRCP 5.2(a)(3)] said THE-CRUCIAL-WORDS and then left the room quietly.`);
    if (process.env.KEEP_PDFS) for (const f of [publicPdf, sealedPdf]) fs.copyFileSync(f, path.join(process.env.KEEP_PDFS, path.basename(f)));
    const publicText = execFileSync('pdftotext', ['-layout', publicPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The public line keeps the sealed line's length (its kept form padded), so it breaks in the same place.
    expect(publicText).toMatch(/Minor: C\.A\.M\.J\.T\.T\.O\.W\.C\.N\. *\[REDACTED - FRCP 5\.2\(a\)\(3\)\] said [\d ]*THE-CRUCIAL-WORDS and then left the room quietly\./);
    expect(wordsPastMargin(sealedPdf)).toEqual([]);
    expect(wordsPastMargin(publicPdf)).toEqual([]);
  });

  it('redacts a name in every look-alike spelling (full-width, Cyrillic, soft hyphen, zero-width space), in text and on PDF pages', async () => {
    const dir = tempDir();
    const spellings = ['Bobby Tables', 'Ｂｏｂｂｙ Ｔａｂｌｅｓ', 'B\u043ebby Tables', 'Bob\u00adby Tables', 'Bob\u200bby Tables'];
    const letter = path.join(dir, 'letter.txt');
    fs.writeFileSync(letter, `${spellings.map((s, i) => `Line ${i + 1}: ${s} signed.`).join('\n')}\n`);
    const statement = path.join(dir, 'statement.pdf');
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fs.readFileSync(path.join(defaultFontDir(), 'NotoSans-Regular.ttf')), { subset: true });
    const page = doc.addPage([612, 792]);
    page.drawText('Bobby Tables opened the account.', { x: 72, y: 700, size: 12, font });
    page.drawText('Payee: B\u043ebby T\u0430bles', { x: 72, y: 670, size: 12, font });
    fs.writeFileSync(statement, await doc.save());
    const file = await caseWith(dir, [letter, statement]);
    await dossierJson(['redact', 'add', file, '1', '--text', 'Bobby Tables']);
    await dossierJson(['redact', 'add', file, '2', '--text', 'Bobby Tables']);
    const publicPdf = path.join(dir, 'public.pdf');
    const pub = await dossierJson<{ exhibits: { redacted?: { places: number } }[] }>(packetArgs(file, publicPdf));
    expect(pub.exhibits.map((e) => e.redacted?.places)).toEqual([5, 2]);
    const text = execFileSync('pdftotext', [publicPdf, '-'], { encoding: 'utf8' });
    if (process.env.KEEP_PDFS) fs.copyFileSync(publicPdf, path.join(process.env.KEEP_PDFS, 'lookalike.pdf'));
    expect(foldForMatching(text).text.toLowerCase().replace(/\s+/g, ' ')).not.toMatch(/bobby ?tables/);
    for (let i = 1; i <= 5; i++) expect(text).toMatch(new RegExp(`Line ${i}: X+.*\\[REDACTED - personal data\\] signed\\.`, 'u'));
  });

  it("redacts a raw header whose encoded words decode to a redacted value, and the leak check decodes encoded words", async () => {
    const dir = tempDir();
    const eml = path.join(dir, 'subject.eml');
    // "SSN 219-09-9999 for Bobby" (B) and a Q-encoded copy split over a folded line.
    fs.writeFileSync(eml, [
      'From: Seller <seller@shop.example>', 'To: Buyer <buyer@mail.example>', 'Subject: =?UTF-8?B?U1NOIDIxOS0wOS05OTk5IGZvciBCb2JieQ==?=',
      'X-Note: =?UTF-8?Q?ref_219-0?=', ' =?UTF-8?Q?9=2D9999_end?=', 'Date: Mon, 5 Feb 2024 10:00:00 +0000', 'Message-ID: <2@shop.example>', 'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8', '', 'See the subject.', '',
    ].join('\r\n'));
    const file = await caseWith(dir, [eml]);
    await dossierJson(['redact', 'scan', file]);
    const pending = await dossierJson<{ id: string }[]>(['redact', 'list', file, '--status', 'pending']);
    expect(pending.length).toBeGreaterThan(0);
    for (const r of pending) await dossierJson(['redact', 'accept', file, r.id]);
    const publicPdf = path.join(dir, 'public.pdf');
    await dossierJson(packetArgs(file, publicPdf));
    const text = execFileSync('pdftotext', ['-layout', publicPdf, '-'], { encoding: 'utf8' });
    if (process.env.KEEP_PDFS) fs.copyFileSync(publicPdf, path.join(process.env.KEEP_PDFS, 'subject.pdf'));
    expect(text).toContain('Raw headers, as stored');
    expect(text).not.toContain('U1NOIDIxOS0wOS05OTk5IGZvciBCb2JieQ==');
    expect(text).not.toContain('Q?9=2D9999');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Subject: =\?UTF-8\?B\?X+\?= \[REDACTED - FRCP 5\.2\(a\)\(1\)\]/);
  });

  it("never carries a JPEG's comment or EXIF segment into a packet (nobody reviewed them; the pixels are what is reproduced)", async () => {
    const dir = tempDir();
    const plain = Buffer.from(jpegWithComment('Victim SSN 078-05-1120'));
    // An EXIF segment holding a GPS-style note too, after the comment.
    const exifBody = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('GPS 40.7128N 74.0060W owner 078-05-1120', 'latin1')]);
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, (exifBody.length + 2) >> 8, (exifBody.length + 2) & 255]), exifBody]);
    const photo = path.join(dir, 'photo.jpg');
    fs.writeFileSync(photo, Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)]));
    // And a PNG with a tEXt chunk: pdf-lib keeps a PNG's pixels only.
    const png = Buffer.from(createCanvas(40, 30).toBuffer('image/png'));
    const textChunk = Buffer.from('Comment\0Victim SSN 078-05-1120', 'latin1');
    const chunk = Buffer.concat([Buffer.from([0, 0, textChunk.length >> 8, textChunk.length & 255]), Buffer.from('tEXt', 'latin1'), textChunk, Buffer.alloc(4)]);
    const scan = path.join(dir, 'scan.png');
    fs.writeFileSync(scan, Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]));
    const file = await caseWith(dir, [photo, scan]);
    for (const sealed of [[], ['--sealed']]) {
      const out = path.join(dir, `packet${sealed.length}.pdf`);
      const report = await dossierJson<{ exhibits: { rendering: string }[] }>(packetArgs(file, out, ...sealed));
      expect(report.exhibits.map((e) => e.rendering)).toEqual(['image', 'image']);
      const bytes = fs.readFileSync(out).toString('latin1');
      expect(bytes).not.toContain('078-05-1120');
      expect(bytes).not.toContain('GPS 40.7128N');
      // The photo is still drawn, as the same JPEG frame (120 × 80, DCT).
      expect(execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' })).toMatch(/\s120\s+80\s+rgb\s+3\s+8\s+jpeg\s/);
    }
  });

  it('scans text a PDF page carries outside its crop box, and the public set does not carry it once accepted', async () => {
    const dir = tempDir();
    const cropped = await croppedPdf(dir, 'Victim SSN 078-05-1120');
    const file = await caseWith(dir, [cropped]);
    // Nobody scanned yet: the check says the exhibit holds an identifier no decision covers.
    const unscanned = JSON.parse((await dossier(['packet', file, '--check', '--json'])).stdout) as { code: string }[];
    expect(unscanned.map((p) => p.code)).toContain('REDACTION_NOT_REVIEWED');
    const scan = await dossierJson<{ found: number }>(['redact', 'scan', file]);
    expect(scan.found).toBe(1);
    const pending = await dossierJson<{ id: string; value: string; page: number }[]>(['redact', 'list', file, '--status', 'pending']);
    expect(pending.map((r) => [r.value, r.page])).toEqual([['078-05-1120', 1]]);
    await dossierJson(['redact', 'accept', file, pending[0]!.id]);
    const publicPdf = path.join(dir, 'public.pdf');
    const pub = await dossierJson<{ exhibits: { redacted?: { places: number } }[] }>(packetArgs(file, publicPdf));
    expect(pub.exhibits[0]!.redacted?.places).toBe(1);
    if (process.env.KEEP_PDFS) fs.copyFileSync(publicPdf, path.join(process.env.KEEP_PDFS, 'cropped.pdf'));
    const qdf = path.join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', publicPdf, qdf]);
    expect(fs.readFileSync(qdf).toString('latin1')).not.toContain('078-05-1120');
    // The visible words are still there, searchable.
    expect(execFileSync('pdftotext', [publicPdf, '-'], { encoding: 'utf8' })).toContain('Visible statement text');
    // The page is rasterised in the public set: no warning about its off-page text.
    const after = JSON.parse((await dossier(['packet', file, '--check', '--json'])).stdout) as { code: string }[];
    expect(after.map((p) => p.code)).not.toContain('PDF_TEXT_OFF_PAGE');
  });

  it('warns that a PDF page carries text outside its visible area that a public set would hold unseen', async () => {
    const dir = tempDir();
    const cropped = await croppedPdf(dir, 'Internal note: the seller is Bobby Tables', 'Page two, all visible');
    const file = await caseWith(dir, [cropped]);
    const problems = JSON.parse((await dossier(['packet', file, '--check', '--json'])).stdout) as { severity: string; code: string; message: string }[];
    expect(problems.filter((p) => p.code === 'PDF_TEXT_OFF_PAGE').map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'Exhibit 1 page 1 carries text outside its visible area (crop box): no reader shows it, but the public PDF would hold it as the page does. Read it in the native file; redact what must not be filed (redact add --text: the page is then reproduced as a picture of its visible area), or file the set under seal (--sealed).'],
    ]);
    expect((await dossier(['packet', file, '--check', '--json', '--sealed'])).stdout).not.toContain('PDF_TEXT_OFF_PAGE');
  });

  it('says plainly which PDF pages it could not read (no text layer)', async () => {
    const dir = tempDir();
    const canvas = createCanvas(300, 200);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 300, 200);
    g.fillStyle = '#000';
    g.font = '20px sans-serif';
    g.fillText('SSN 078-05-1120', 20, 100);
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(canvas.toBuffer('image/png'));
    for (let i = 0; i < 2; i++) doc.addPage([300, 200]).drawImage(image, { x: 0, y: 0, width: 300, height: 200 });
    const scanned = path.join(dir, 'scanned.pdf');
    fs.writeFileSync(scanned, await doc.save());
    const file = await caseWith(dir, [scanned]);
    const report = await dossierJson<{ found: number; notScanned: { exhibit: string; reason: string }[] }>(['redact', 'scan', file]);
    expect(report.found).toBe(0);
    expect(report.notScanned).toEqual([{ exhibit: 'Exhibit 1', reason: expect.stringMatching(/^pages 1, 2 of 2 have no text layer/) }]);
    const human = await dossier(['redact', 'scan', file]);
    expect(human.stdout).toMatch(/not scanned: Exhibit 1: pages 1, 2 of 2 have no text layer/);
  });

  it('counts one scanned and accepted SSN on a PDF page as one place (slip sheet, index, report)', async () => {
    const dir = tempDir();
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([612, 792]).drawText('Applicant SSN 219-09-9999 on file', { x: 72, y: 700, size: 12, font });
    const form = path.join(dir, 'form.pdf');
    fs.writeFileSync(form, await doc.save());
    const file = await caseWith(dir, [form]);
    await dossierJson(['redact', 'scan', file]);
    for (const r of await dossierJson<{ id: string }[]>(['redact', 'list', file, '--status', 'pending'])) await dossierJson(['redact', 'accept', file, r.id]);
    const publicPdf = path.join(dir, 'public.pdf');
    const pub = await dossierJson<{ exhibits: { redacted?: { places: number } }[] }>(packetArgs(file, publicPdf));
    expect(pub.exhibits[0]!.redacted?.places).toBe(1);
    const text = execFileSync('pdftotext', [publicPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('rasterised with 1 redaction(s) burnt in');
    expect(text).toContain('(1 place)');
  });

  it('--check refuses a redacted --text value in an exhibit title, as the export does', async () => {
    const dir = tempDir();
    const letter = path.join(dir, 'letter.txt');
    fs.writeFileSync(letter, 'Bobby Tables wrote to the marketplace.\n');
    const file = await caseWith(dir, [letter]);
    await dossierJson(['redact', 'add', file, '1', '--text', 'Bobby Tables']);
    const id = (await dossierJson<{ items: { id: string }[] }>(['list', file, 'evidence'])).items[0]!.id;
    await dossierJson(['edit', file, id, '--title', 'Letter of B\u043ebby Tables']);
    const check = await dossier(['packet', file, '--check', '--json']);
    const problems = JSON.parse(check.stdout) as { severity: string; code: string; message: string }[];
    expect(problems.filter((p) => p.code === 'REDACTION_IN_GENERATED_TEXT').map((p) => [p.severity, p.message])).toEqual([
      ['error', "A value redacted in the exhibits found in Exhibit 1's title, file name, source or description, which the packet prints as typed: reword it (dossier edit) or file the set under seal (--sealed)."],
    ]);
    expect(check.status).toBe(2);
    expect(check.stdout).not.toContain('Bobby');
    // The export agrees: refused by the check, and by the leak proof when forced.
    expect((await dossier(packetArgs(file, path.join(dir, 'p.pdf'), '--force'))).status).toBe(4);
  });

  for (const [w, h] of [[12000, 8], [8, 12000]] as const) {
    it(`does not take the numbered tiles of a ${w} × ${h} image's overview for a redacted SSN`, async () => {
      const dir = tempDir();
      const letter = path.join(dir, 'letter.txt');
      fs.writeFileSync(letter, 'SSN: 123-45-6789\n');
      const strip = path.join(dir, 'strip.png');
      const canvas = createCanvas(w, h);
      const g = canvas.getContext('2d');
      g.fillStyle = '#3366aa';
      g.fillRect(0, 0, w, h);
      fs.writeFileSync(strip, canvas.toBuffer('image/png'));
      const file = await caseWith(dir, [letter, strip]);
      await dossierJson(['redact', 'scan', file]);
      for (const r of await dossierJson<{ id: string }[]>(['redact', 'list', file, '--status', 'pending'])) await dossierJson(['redact', 'accept', file, r.id]);
      const out = path.join(dir, 'public.pdf');
      const result = await dossier(packetArgs(file, out));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // The overview's tiles are numbered 1, 2, 3, ... in order (what the leak check read as the SSN).
      expect(execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' })).toMatch(/1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s+9/);
    });
  }
});
