import { type PDFPage, rgb } from 'pdf-lib';
import type { EmbeddedFonts, FontMetricsSet, FontRole } from '../fonts/packetFonts';
import { codePointLabel, missingGlyphWidth, scriptRuns } from '../fonts/scriptRuns';

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
 * made from), so copying or pdftotext gives the text back. A character no face has is drawn as a
 * small framed box holding its code point in hexadecimal; those code points are returned so
 * the caller can list them on the slip sheet.
 */
export function drawScriptText(page: PDFPage, fonts: EmbeddedFonts, metrics: FontMetricsSet, text: string, style: ScriptTextStyle): number[] {
  const missing: number[] = [];
  let x = style.x;
  const color = rgb(...(style.color ?? [0, 0, 0]));
  for (const run of scriptRuns(metrics, text, style.font, style.size, style.direction)) {
    if (run.font !== null) {
      page.drawText(run.text, { x, y: style.y, size: style.size, font: fonts[run.font], color });
      x += run.width;
      continue;
    }
    for (const ch of run.text) {
      const cp = ch.codePointAt(0) ?? 0;
      missing.push(cp);
      const w = missingGlyphWidth(metrics, cp, style.size);
      const label = codePointLabel(cp);
      page.drawRectangle({ x: x + style.size * 0.1, y: style.y - style.size * 0.18, width: w - style.size * 0.2, height: style.size * 0.95, borderColor: color, borderWidth: 0.5 });
      page.drawText(label, { x: x + style.size * 0.2, y: style.y + style.size * 0.12, size: style.size * 0.5, font: fonts.sans, color });
      x += w;
    }
  }
  return missing;
}
