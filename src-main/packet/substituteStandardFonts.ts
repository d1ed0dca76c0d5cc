import fs from 'node:fs';
import path from 'node:path';
import '../fonts/fontkitRuntime';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, type PDFDocument, PDFName, type PDFPage, PDFStream } from 'pdf-lib';
import { defaultFontDir } from '../fonts/packetFonts';

/** Liberation faces are metric-compatible with these PDF standard fonts (and their Windows namesakes). */
const FAMILIES: [RegExp, 'Sans' | 'Serif' | 'Mono'][] = [
  [/^(helvetica|arial)/i, 'Sans'],
  [/^(times|timesnewroman)/i, 'Serif'],
  [/^(courier|couriernew)/i, 'Mono'],
];

// Windows-1252 bytes 0x80-0x9F (the rest of 0x20-0xFF is Latin-1).
const WIN_ANSI_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Embeds metric-compatible Liberation faces for the standard fonts (Helvetica, Times, Courier,
 * and Arial / Times New Roman / Courier New) that an exhibit PDF uses without embedding them,
 * so its reproduced pages carry every font (PDF/A). The font dictionaries are rewritten in the
 * loaded copy only; the native file is untouched. Text keeps its codes and widths (the faces are
 * metric-compatible), so line breaks and text extraction do not change. Symbol and ZapfDingbats
 * have no stand-in and are left as they are. Returns "Helvetica → Liberation Sans" lines.
 */
export function substituteStandardFonts(doc: PDFDocument, pages: PDFPage[], fontDir = defaultFontDir()): string[] {
  const done = new Map<string, string>();
  const seen = new Set<PDFDict>();
  const visit = (resources: PDFDict | undefined): void => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, value] of fonts?.entries() ?? []) {
      const font = doc.context.lookup(value);
      if (font instanceof PDFDict) substitute(doc, font, fontDir, done);
    }
    const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, value] of xobjects?.entries() ?? []) {
      const xobject = doc.context.lookup(value);
      if (xobject instanceof PDFStream) visit(xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict));
    }
  };
  for (const page of pages) visit(page.node.Resources());
  return [...done].map(([from, to]) => `${from} → ${to}`);
}

function substitute(doc: PDFDocument, font: PDFDict, fontDir: string, done: Map<string, string>): void {
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (subtype !== 'Type1' && subtype !== 'TrueType' && subtype !== 'MMType1') return;
  const descriptor = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  if (['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)))) return;
  const baseFont = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '';
  const bare = baseFont.replace(/^[A-Z]{6}\+/, '');
  const family = FAMILIES.find(([re]) => re.test(bare.replace(/[\s-]/g, '')))?.[1];
  if (!family) return;
  const bold = /bold|black|heavy/i.test(bare);
  const italic = /italic|oblique/i.test(bare);
  const style = bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : 'Regular';
  const file = path.join(fontDir, 'substitutes', `Liberation${family}-${style}.ttf`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const face = fontkit.create(bytes);
  const scale = 1000 / face.unitsPerEm;
  const widths: number[] = [];
  for (let code = 32; code <= 255; code++) {
    const cp = code >= 0x80 && code <= 0x9f ? (WIN_ANSI_HIGH[code - 0x80] ?? 0) : code;
    widths.push(cp === 0 ? 0 : Math.round(face.glyphForCodePoint(cp).advanceWidth * scale));
  }
  const ctx = doc.context;
  const program = ctx.register(ctx.flateStream(bytes, { Length1: bytes.length }));
  const name = `Liberation${family}-${style}`;
  // Flags: 32 non-symbolic; 1 fixed pitch; 2 serif; 64 italic (PDF 32000-1, 9.8.2).
  const flags = 32 | (family === 'Mono' ? 1 : 0) | (family === 'Serif' ? 2 : 0) | (italic ? 64 : 0);
  const bbox = face.bbox;
  const newDescriptor = ctx.register(
    ctx.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)),
      ItalicAngle: face.italicAngle,
      Ascent: Math.round(face.ascent * scale),
      Descent: Math.round(face.descent * scale),
      CapHeight: Math.round((face.capHeight || face.ascent) * scale),
      StemV: bold ? 120 : 80,
      FontFile2: program,
    }),
  );
  font.set(PDFName.of('Subtype'), PDFName.of('TrueType'));
  font.set(PDFName.of('BaseFont'), PDFName.of(name));
  font.set(PDFName.of('FirstChar'), ctx.obj(32));
  font.set(PDFName.of('LastChar'), ctx.obj(255));
  font.set(PDFName.of('Widths'), ctx.obj(widths));
  font.set(PDFName.of('FontDescriptor'), newDescriptor);
  // A standard font without an encoding uses its built-in one; the writers that omit fonts
  // (pdfkit, pdf-lib, Word) name WinAnsiEncoding, which a TrueType face needs spelt out.
  if (!font.has(PDFName.of('Encoding'))) font.set(PDFName.of('Encoding'), PDFName.of('WinAnsiEncoding'));
  done.set(bare, `Liberation ${family}${style === 'Regular' ? '' : ` ${style.replace('BoldItalic', 'Bold Italic')}`}`);
}
