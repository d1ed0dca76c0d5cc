import {
  beginText,
  endText,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rgb,
  rotateAndSkewTextRadiansAndTranslate,
  setFillingColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import type { EmbeddedFonts, FontMetricsSet, FontRole } from '../fonts/packetFonts';
import { codePointLabel, missingGlyphWidth, scriptRuns } from '../fonts/scriptRuns';

/**
 * Scripts whose shaping draws glyphs in another order than the text's (Indic vowel signs drawn
 * before their consonant: Devanagari to Sinhala; Myanmar; Khmer). A glyph's ToUnicode entry
 * alone would give those characters back in drawing order, so a copy or pdftotext of "हिन्दी"
 * read "िहन्दी"; their runs also carry the text itself as /ActualText (PDF 32000-1, 14.9.4).
 */
const REORDERING_SCRIPT = /[\u0900-\u0DFF\u1000-\u109F\u1780-\u17FF]/u;

export interface ScriptTextStyle {
  x: number;
  y: number;
  size: number;
  font: FontRole;
  color?: readonly [number, number, number];
  /** Paragraph direction; detected from the text when not given. */
  direction?: 'ltr' | 'rtl';
}

/**
 * Draws one line of text in any script: each run in the first bundled face that has its
 * characters, shaped by that face, in bidirectional visual order, starting at x (left edge).
 * The text layer keeps the source characters (each glyph maps back to the code points it was
 * made from; runs of reordering scripts also carry their text as /ActualText), so copying or
 * pdftotext gives the text back. A character no face has is drawn as a
 * small framed box holding its code point in hexadecimal, whose text reads [U+XXXX]; those code
 * points are returned so the caller can list them on the slip sheet.
 */
export function drawScriptText(page: PDFPage, fonts: EmbeddedFonts, metrics: FontMetricsSet, text: string, style: ScriptTextStyle): number[] {
  const missing: number[] = [];
  let x = style.x;
  const color = rgb(...(style.color ?? [0, 0, 0]));
  for (const run of scriptRuns(metrics, text, style.font, style.size, style.direction)) {
    if (run.font !== null) {
      if (REORDERING_SCRIPT.test(run.text)) drawWithActualText(page, fonts[run.font], run.text, { x, y: style.y, size: style.size, color });
      else page.drawText(run.text, { x, y: style.y, size: style.size, font: fonts[run.font], color });
      x += run.width;
      continue;
    }
    for (const ch of run.text) {
      const cp = ch.codePointAt(0) ?? 0;
      missing.push(cp);
      const w = missingGlyphWidth(metrics, cp, style.size);
      const label = codePointLabel(cp);
      page.drawRectangle({ x: x + style.size * 0.1, y: style.y - style.size * 0.18, width: w - style.size * 0.2, height: style.size * 0.95, borderColor: color, borderWidth: 0.5 });
      drawBoxLabel(page, fonts.sans, label, { x, y: style.y, size: style.size, color });
      x += w;
    }
  }
  return missing;
}

/**
 * What page.drawText writes, with the shown glyphs inside a /Span marked-content sequence that
 * carries the text as /ActualText. The span sits inside the text object, after the font and
 * position are set: poppler places an ActualText with the text state current at its EMC, so a
 * span closed after drawText's ET and Q put the words on a line of their own.
 */
function drawWithActualText(page: PDFPage, font: PDFFont, text: string, at: TextAt): void {
  drawSpan(page, font, at, text, () => [showText(font.encodeText(text))]);
}

type TextAt = { x: number; y: number; size: number; color: RGB };

/**
 * A text object at `at` (font and size set, origin on the baseline) whose `shown` operators sit in
 * a /Span carrying `actualText` as /ActualText (an inline property list; the hex string is
 * UTF-16BE with its byte-order mark).
 */
function drawSpan(page: PDFPage, font: PDFFont, at: TextAt, actualText: string, shown: (fontKey: PDFName) => PDFOperator[]): void {
  const fontKey = page.node.newFontDictionary(font.name, font.ref);
  const properties = `<< /ActualText ${PDFHexString.fromText(actualText).toString()} >>`;
  page.pushOperators(
    pushGraphicsState(),
    beginText(),
    setFillingColor(at.color),
    setFontAndSize(fontKey, at.size),
    rotateAndSkewTextRadiansAndTranslate(0, 0, 0, at.x, at.y),
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), properties]),
    ...shown(fontKey),
    PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    endText(),
    popGraphicsState(),
  );
}

/**
 * The code point inside a missing glyph's box ("1F98A", half size, raised to the box's middle),
 * whose text reads "[U+1F98A]": the packet's notation for a character it cannot show as itself
 * (visibleText), which the note beside it names. Drawn as plain text, the label was copied and
 * read by pdftotext as part of the words around it ("FOX 1F98A CORP"), and set apart from its
 * line by its smaller size. So the span opens with a space at the line's size on its baseline and
 * closes at that size: poppler places an ActualText where its first glyph stands, in the font
 * size current at its end, so "[U+1F98A]" reads in the line, between the words around it.
 */
function drawBoxLabel(page: PDFPage, font: PDFFont, label: string, at: TextAt): void {
  drawSpan(page, font, at, `[U+${label}]`, (fontKey) => [
    showText(font.encodeText(' ')),
    setFontAndSize(fontKey, at.size * 0.5),
    rotateAndSkewTextRadiansAndTranslate(0, 0, 0, at.x + at.size * 0.2, at.y + at.size * 0.12),
    showText(font.encodeText(label)),
    setFontAndSize(fontKey, at.size),
  ]);
}
