import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../src-main/contract/redaction';
import { findLeaks } from '../../src-main/redaction/findLeaks';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { jpegWithComment, pdfWithPlantedValue, type PlantPlace } from '../helpers/plantedLeaks';
import { packetArgs } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

const SSN = '123-45-6789';
const CARD = '4111 1111 1111 1111';

/** A case: a letter whose SSN and card are accepted for redaction, and a second exhibit holding the same values. */
async function caseWithSecondExhibit(dir: string, second: { name: string; bytes: Uint8Array }) {
  const letter = path.join(dir, 'victim-letter.txt');
  fs.writeFileSync(letter, `Statement of the victim\nSSN: ${SSN}\nCard used: ${CARD}\n`);
  const other = path.join(dir, second.name);
  fs.writeFileSync(other, second.bytes);
  const file = path.join(dir, 'case.dossier');
  await dossierJson(['new', file, '--title', 'Planted leaks']);
  await dossierJson(['evidence', 'add', file, letter, other]);
  await dossierJson(['redact', 'scan', file, '--exhibit', 'Exhibit 1']);
  for (const r of await dossierJson<Redaction[]>(['redact', 'list', file, 'Exhibit 1'])) await dossierJson(['redact', 'accept', file, r.id]);
  return file;
}

const plant = async (place: PlantPlace) => ({ name: 'order.pdf', bytes: await pdfWithPlantedValue(SSN, place) });

describe('a redacted value planted in another exhibit (Rule 5.2 leak proof)', () => {
  // The packet draws a PDF exhibit's pages as their content only: annotations (with their
  // /Contents, /T, appearances), form fields, document information, XMP, outlines and
  // attachments of every PDF exhibit are left behind (see preparePdfExhibit). A value planted
  // there never reaches the packet, and the export must not cry leak over it; the leak check's own
  // tests (leakPlaces.test.ts) prove it finds a value in each of those places of a written file.
  for (const place of ['annotation contents', 'document subject', 'free text appearance', 'form field value', 'attachment'] as const) {
    it(`leaves a value in an exhibit's ${place} behind: it is in the exhibit, not in the packet`, async () => {
      const dir = tempDir();
      const second = await plant(place);
      const exhibitFile = path.join(dir, 'planted.pdf');
      fs.writeFileSync(exhibitFile, second.bytes);
      expect((await findLeaks(exhibitFile, [SSN])).length).toBeGreaterThan(0);
      const file = await caseWithSecondExhibit(dir, second);
      const out = path.join(dir, 'public.pdf');
      const result = await dossier(packetArgs(file, out, '--json'));
      expect(result.status, result.stderr).toBe(0);
      const qdf = path.join(dir, 'qdf.pdf');
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', out, qdf]);
      const strings = execFileSync('strings', [qdf], { encoding: 'latin1', maxBuffer: 1 << 28 });
      expect(strings).not.toContain(SSN);
      expect(strings.replace(/[^0-9]/g, '')).not.toContain('123456789');
      expect(await findLeaks(out, [SSN, CARD])).toEqual([]);
    });
  }

  // A JPEG's comment (and EXIF) stays behind too: the packet embeds its pixels only (jpegPixelsOnly).
  it("leaves a value in a JPEG photo's comment segment behind: the export succeeds and the packet holds none of it", async () => {
    const dir = tempDir();
    const file = await caseWithSecondExhibit(dir, { name: 'photo.jpg', bytes: jpegWithComment(CARD) });
    const out = path.join(dir, 'public.pdf');
    const result = await dossier(packetArgs(file, out, '--json'));
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(out).toString('latin1')).not.toContain(CARD);
    expect(await findLeaks(out, [SSN, CARD])).toEqual([]);
  });

  // Places of another exhibit that do reach the packet: its page text, an object its page carries
  // without painting. Each fails the export (even forced), naming file and page.
  const reaching: [string, () => Promise<{ name: string; bytes: Uint8Array }>, RegExp][] = [
    ['page text of a PDF exhibit', () => plant('page text'), /leak\.pdf page \d+ \(page text\); leak\.pdf page \d+ \(content stream\)/],
    ['an unpainted object of a PDF page', () => plant('unpainted object'), /leak\.pdf page \d+ \(content stream\)/],
  ];
  for (const [what, make, where] of reaching) {
    it(`fails the export when the value is in ${what}, and publishes nothing`, async () => {
      const dir = tempDir();
      const file = await caseWithSecondExhibit(dir, await make());
      const out = path.join(dir, 'leak.pdf');
      const result = await dossier(packetArgs(file, out, '--force'));
      expect(result.status, result.stderr).toBe(4);
      expect(result.stderr).toMatch(/REDACTION_LEAK/);
      expect(result.stderr).toMatch(where);
      expect(result.stderr).not.toContain(SSN);
      expect(result.stderr).not.toContain(CARD);
      expect(fs.readdirSync(dir).filter((n) => n.includes('leak'))).toEqual([]);
    });
  }

  it("fails an ECF export whose exhibit file carries the value in its document information (the exhibit's title)", async () => {
    const dir = tempDir();
    const file = await caseWithSecondExhibit(dir, await plant('annotation contents'));
    const order = (await dossierJson<{ items: { id: string; title: string }[] }>(['list', file, 'evidence'])).items.find((e) => e.title === 'order.pdf')!;
    await dossierJson(['edit', file, order.id, '--title', `Order ${SSN}`]);
    const out = path.join(dir, 'leak.pdf');
    const result = await dossier([...packetArgs(file, out, '--force'), '--layout', 'ecf']);
    expect(result.status, result.stderr).toBe(4);
    // The exhibit's file is named after its title: the name is masked in the message and counted as a place.
    expect(result.stderr).toMatch(/Exhibit 2 - Order \[redacted value\]\.pdf \(file name\)/);
    expect(result.stderr).toMatch(/Exhibit 2 - Order \[redacted value\]\.pdf \(document information\)/);
    expect(result.stderr).toMatch(/attachments\.csv \(file text\)/);
    expect(result.stderr).not.toContain(SSN);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.pdf') && n !== 'order.pdf')).toEqual([]);
  });
});
