import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import type { PacketInput } from '../../../src-main/packet/PacketInput';
import { exhibit, makePng, packetInput } from './packetFixtures';
import { qpdfCheck, renderGray } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function exportOne(input: PacketInput): Promise<{ file: string; result: Awaited<ReturnType<typeof exportPacket>>; text: string; pages: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-script-'));
  dirs.push(dir);
  const file = path.join(dir, 'packet.pdf');
  const result = await exportPacket(input, file);
  if (process.env.DOSSIER_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.DOSSIER_KEEP_PDF, `${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.pdf`));
  expect(qpdfCheck(file).status).toBe(0);
  // Raw (not -layout) text: the text layer as a reader copies it.
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return { file, result, text, pages: text.split('\f') };
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const VIETNAMESE = 'Dương Đình Tú đã gửi tiền cho công ty vào ngày mười hai.';
const CHINESE = '这是一个验证码服务的中文网页。';
const JAPANESE = 'これは日本語のページです。価格は五百円。';
const RUSSIAN = 'Купить аккаунты Outlook оптом — быстро и дёшево.';
const ARABIC = 'مرحبا بكم في خدمة حل الكابتشا السريعة';

const TONES = '\u0300\u0301\u0303\u0309\u0323';

/** Windows-1258 keeps most tones as combining marks: encode the decomposed form, as Vietnamese Windows software does. */
function windows1258(s: string): Uint8Array {
  const decomposed = [...s.normalize('NFC')]
    .map((ch) => {
      if (iconv.decode(iconv.encode(ch, 'windows-1258'), 'windows-1258') === ch) return ch;
      // The letter (ư, ơ, â ...) stays precomposed; only the tone becomes a combining mark.
      const parts = [...ch.normalize('NFD')];
      const tones = parts.filter((c) => TONES.includes(c)).join('');
      return parts.filter((c) => !TONES.includes(c)).join('').normalize('NFC') + tones;
    })
    .join('');
  const bytes = iconv.encode(decomposed, 'windows-1258');
  expect(iconv.decode(bytes, 'windows-1258').normalize('NFC')).toBe(s);
  return new Uint8Array(bytes);
}

/** Dark pixels (at 100 dpi) in the band of a text exhibit page's first printed line. */
function inkOfFirstLine(file: string, page: number): number {
  const { width, pixels } = renderGray(file, page, 100);
  const px = (pt: number): number => Math.round((pt * 100) / 72);
  let dark = 0;
  // Header rule at 792-36-10-5 pt (under the half inch left blank for the ECF stamp, see
  // drawPageHeader); the first line's baseline 9.5 pt below the header's 12 pt band.
  for (let y = px(62); y < px(74); y++) for (let x = px(62); x < px(540); x++) if ((pixels[y * width + x] ?? 255) < 128) dark++;
  return dark;
}

describe('exhibits in any script', () => {
  it('decodes each charset and draws every script; the text layer gives the source text back, never U+FFFD', async () => {
    const russianHtml = `<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Магазин</title></head>\n<body><p>${RUSSIAN}</p></body></html>\n`;
    const specs = [
      { label: 'Exhibit 1', title: 'Vietnamese note (UTF-8)', mediaType: 'text/plain', originalName: 'note-utf8.txt', bytes: utf8(`${VIETNAMESE}\n`) },
      { label: 'Exhibit 2', title: 'Vietnamese note (Windows-1258)', mediaType: 'text/plain', originalName: 'note-1258.txt', bytes: windows1258(`${VIETNAMESE}\r\n`) },
      { label: 'Exhibit 3', title: 'Japanese page (Shift-JIS)', mediaType: 'text/html', originalName: 'page-sjis.html', bytes: new Uint8Array(iconv.encode(`<html><body>${JAPANESE}</body></html>`, 'shift_jis')) },
      { label: 'Exhibit 4', title: 'Chinese page (UTF-8)', mediaType: 'text/html', originalName: 'page-zh.html', bytes: utf8(`<html><head><meta charset="utf-8"></head><body><p>${CHINESE}</p></body></html>`) },
      { label: 'Exhibit 5', title: 'Russian page', mediaType: 'text/html', originalName: 'shop-ru.html', bytes: new Uint8Array(iconv.encode(russianHtml, 'windows-1251')) },
      { label: 'Exhibit 6', title: 'Arabic paragraph', mediaType: 'text/plain', originalName: 'ar.txt', bytes: utf8(`${ARABIC}\n`) },
    ];
    const { text, pages, file } = await exportOne(packetInput(specs.map((s, i) => exhibit(s, i + 1)), { sections: ['exhibits'] }));
    expect(text).not.toContain('\uFFFD');
    for (const source of [VIETNAMESE, CHINESE, JAPANESE, RUSSIAN, ARABIC]) expect(text).toContain(source);
    // Each Vietnamese exhibit's content page holds the sentence, so the Windows-1258 one is decoded too.
    expect(pages[1]).toContain(VIETNAMESE);
    expect(pages[3]).toContain(VIETNAMESE);
    expect(pages[3]).toContain('WINDOWS-1258');
    expect(pages[5]).toContain('SHIFT_JIS');
    expect(pages[9]).toContain('WINDOWS-1251');
    // The glyphs are really drawn (a text layer alone would pass the checks above): the first
    // printed line of each content page holds ink in proportion to its characters.
    for (const [page, source] of [[2, VIETNAMESE], [4, VIETNAMESE], [6, JAPANESE], [8, CHINESE], [12, ARABIC]] as const) {
      expect(inkOfFirstLine(file, page), `page ${page}`).toBeGreaterThan([...source].length * 8);
    }
    // Fonts are embedded subsets: Noto CJK and Noto Arabic carry what DejaVu lacks.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJKsc/);
    expect(fonts).toMatch(/NotoSansArabic/);
    for (const line of fonts.split('\n').slice(2).filter((l) => l.trim() !== '')) expect(line).toMatch(/ yes /);
  });

  it('draws a character no font has as a box with its code point and lists it on the slip sheet', async () => {
    // U+1F99C (parrot) and U+10380 (Ugaritic) are in none of the bundled faces.
    const { pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Chat', mediaType: 'text/plain', originalName: 'chat.txt', bytes: utf8('pay now \u{1F99C} ok \u{10380}\n') }, 1)], { sections: ['exhibits'] }),
    );
    expect(pages[0]).toContain('U+1F99C');
    expect(pages[0]).toContain('U+10380');
    expect(pages[1]).toContain('pay now');
    expect(pages[1]).toContain('1F99C');
    expect(pages.join('')).not.toContain('\uFFFD');
  });

  it('numbers every printed line on its page and wraps long lines between words', async () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const { pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Long', mediaType: 'text/plain', originalName: 'long.txt', bytes: utf8(`${words}\nsecond line\n`) }, 1)], { sections: ['exhibits'] }),
    );
    const layout = pages[1] ?? '';
    // No word is cut in two: every token of the source is on the page whole.
    for (let i = 0; i < 400; i += 37) expect(layout).toMatch(new RegExp(`\\bword${i}\\b`));
    expect(pages[0]).toMatch(/cited by page and line/);
  });

  it('shapes Hebrew, Thai, Devanagari, Korean and Greek and gives them back in the text layer', async () => {
    // Devanagari conjuncts (क्ष) need the Indic shaper, which needs fontkit's generator runtime.
    const lines = ['עברית: שלום עולם', 'ไทย: สวัสดีครับ', 'हिन्दी: नमस्ते दुनिया क्षमा', '한국어 안녕하세요', 'Ελληνικά καλημέρα', 'Mixed: Order 17 → مرحبا 123'];
    const { text } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Scripts', mediaType: 'text/plain', originalName: 's.txt', bytes: utf8(`${lines.join('\n')}\n`) }, 1)], { sections: ['exhibits'] }),
    );
    expect(text).not.toContain('\uFFFD');
    // Devanagari draws ि before its consonant: the run's /ActualText gives "हिन्दी" back, not "िहन्दी", on its own line.
    expect(text).toContain('हिन्दी: नमस्ते दुनिया क्षमा');
    for (const word of ['שלום עולם', 'สวัสดีครับ', 'हिन्दी', 'नमस्ते', 'दुनिया', 'क्षमा', '안녕하세요', 'καλημέρα', 'مرحبا']) expect(text).toContain(word);
  });

  it('stays byte-identical for the same input and fixed date with every script, an appendix in Cyrillic and a tall image', async () => {
    const png = makePng(600, 3000, (x, y) => [(x * 7) % 256, (y * 3) % 256, 90]);
    const input = packetInput(
      [
        exhibit({ label: 'Exhibit 1', title: 'Mixed scripts — Dương Đình Tú', mediaType: 'text/plain', originalName: 'mix.txt', bytes: utf8(`${VIETNAMESE}\n${CHINESE}\n${ARABIC}\n${RUSSIAN}\n`) }, 1),
        exhibit({ label: 'Exhibit 2', title: 'Capture', mediaType: 'image/png', originalName: 'tall.png', bytes: png }, 2),
      ],
      { sections: ['cover', 'index', 'appendix', 'exhibits'] },
    );
    input.domains.push({ domainUnicode: 'hоtmailbox.me', domainAscii: 'xn--htmailbox-02h.me', registry: 'Identity Digital (.me)', registrarName: 'NameCheap, Inc.', status: 'identified', order: 9, flags: ['IDN', 'mixed script', 'look-alike of hotmailbox.me'] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-det-'));
    dirs.push(dir);
    const a = await exportPacket(input, path.join(dir, 'a.pdf'));
    const b = await exportPacket(input, path.join(dir, 'b.pdf'));
    expect(a.volumes[0]?.sha256).toBe(b.volumes[0]?.sha256);
    expect(fs.readFileSync(path.join(dir, 'a.pdf')).equals(fs.readFileSync(path.join(dir, 'b.pdf')))).toBe(true);
    expect(execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' })).toContain('hоtmailbox.me');
  });
});
