import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import type { PacketInput } from '../../../src-main/packet/PacketInput';
import { packetInput } from './packetFixtures';
import { qpdfCheck } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const HEBREW = 'רשם דומיינים בע״מ';
const ARABIC = 'مسجل النطاقات';

interface Word {
  text: string;
  xMin: number;
  yMid: number;
}

/** Every word of the PDF with its place on the page (`pdftotext -bbox`), in the order drawn. */
function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: decode(m[4] ?? ''),
    xMin: Number(m[1]),
    yMid: (Number(m[2]) + Number(m[3])) / 2,
  }));
}

/** The words of the printed line holding `word`, left to right as a reader sees them. */
function lineOf(all: Word[], word: (w: Word) => boolean): Word[] {
  const anchor = all.find(word);
  if (!anchor) throw new Error('word not found');
  // Hebrew and Arabic faces have other ascenders: same line when their middles are within 3 pt.
  return all.filter((w) => Math.abs(w.yMid - anchor.yMid) < 3).sort((a, b) => a.xMin - b.xMin);
}

const isRtl = (w: Word): boolean => /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(w.text);

/** The right-to-left words of a line in reading order (right to left), each as its letters are written. */
function rtlName(line: Word[]): string {
  // pdftotext -bbox gives each word's letters in drawing order, left to right: reversed for reading.
  return line
    .filter(isRtl)
    .reverse()
    .map((w) => [...w.text].reverse().join(''))
    .join(' ');
}

/** What a left-to-right reader sees: the line left to right, the right-to-left name as one unit "<RTL>". */
function shape(line: Word[]): string {
  return line
    .map((w) => (isRtl(w) ? '<RTL>' : w.text))
    .filter((t, i, a) => !(t === '<RTL>' && a[i - 1] === '<RTL>'))
    .join(' ');
}

async function exportAppendix(input: PacketInput, name: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-rtl-registrar-'));
  dirs.push(dir);
  const file = path.join(dir, `${name}.pdf`);
  await exportPacket(input, file);
  expect(qpdfCheck(file).status).toBe(0);
  return file;
}

function withRtlRegistrars(appendix: PacketInput['appendix'], hebrewName = HEBREW): PacketInput {
  const input = packetInput([], { sections: ['appendix'] });
  if (appendix) input.appendix = appendix;
  input.domains.push(
    { domainUnicode: 'shop-il.co.il', domainAscii: 'shop-il.co.il', registry: 'ISOC-IL (.il)', registrarName: hebrewName, status: 'identified', order: 1 },
    { domainUnicode: 'example.co.il', domainAscii: 'example.co.il', registry: 'ISOC-IL (.il)', registrarName: hebrewName, status: 'identified', order: 2 },
    { domainUnicode: 'shop-sa.sa', domainAscii: 'shop-sa.sa', registry: 'SaudiNIC (.sa)', registrarName: ARABIC, registrarIanaId: 1234, status: 'identified', order: 1 },
  );
  return input;
}

describe('Appendix A registrar headings with a Hebrew or Arabic registrar name', () => {
  it('set the count after the name in a left-to-right line, the name reading right to left (table layout)', async () => {
    const file = await exportAppendix(withRtlRegistrars(undefined), 'table');
    const all = words(file);
    // "Registrar: 2 — <name> domains" before: the count after Hebrew joined the right-to-left run.
    const hebrew = lineOf(all, (w) => w.text === 'Registrar:' && lineOf(all, (v) => v === w).some(isRtl) && rtlName(lineOf(all, (v) => v === w)) === HEBREW);
    expect(shape(hebrew)).toBe('Registrar: <RTL> — 2 domains');
    expect(rtlName(hebrew)).toBe(HEBREW);
    const arabic = lineOf(all, (w) => w.text === '1234)');
    expect(shape(arabic)).toBe('Registrar: <RTL> (IANA ID 1234) — 1 domain');
    // The text layer gives each name back in logical order (poppler rebuilds it from the
    // visual order; it also pulls a neutral "—" or "(" beside the name into its run, so whole
    // lines are not compared), and no isolate is drawn as a glyph or box.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(HEBREW);
    expect(text).toContain(ARABIC);
    expect(text).not.toMatch(/2068|2069|[\u2066-\u2069]/u);
    // Latin names are untouched.
    expect(shape(lineOf(all, (w) => w.text === '1068)'))).toBe('Registrar: NameCheap, Inc. (IANA ID 1068) — 2 domains');
  });

  it('keep the count after the name when a long name wraps in the two-column layout', async () => {
    const long = 'רשם דומיינים בינלאומי לאינטרנט שירותי אחסון ואירוח אתרים מתקדמים לעסקים קטנים ובינוניים בע״מ';
    const file = await exportAppendix(withRtlRegistrars({ heading: 'Appendix A: Domains', columns: false }, long), 'compact');
    const all = words(file);
    const first = lineOf(all, (w) => w.text === 'Registrar:' && lineOf(all, (v) => v === w).some(isRtl) && !lineOf(all, (v) => v === w).some((v) => v.text === '1234)'));
    const last = lineOf(all, (w) => w.text === 'domains' && lineOf(all, (v) => v === w).some(isRtl));
    expect(first).not.toEqual(last);
    // First line: the start of the name; last line: the rest of it, then the count.
    expect(shape(first)).toBe('Registrar: <RTL>');
    expect(shape(last)).toBe('<RTL> — 2 domains');
    expect(`${rtlName(first)} ${rtlName(last)}`).toBe(long);
    expect(shape(lineOf(all, (w) => w.text === '1234)'))).toBe('Registrar: <RTL> (IANA ID 1234) — 1 domain');
  });
});
