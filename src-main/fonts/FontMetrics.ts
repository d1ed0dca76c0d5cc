import './fontkitRuntime';
import fontkit from '@pdf-lib/fontkit';

/**
 * Advance widths of one typeface, for layout. Widths come straight from the glyphs (no kerning,
 * no ligatures), which is exactly how pdf-lib draws them with the features we embed with, so a
 * measured line is the drawn line.
 */
export class FontMetrics {
  private readonly widths = new Map<number, number>();
  private readonly font: fontkit.Font;
  readonly characters: ReadonlySet<number>;
  /** Ascender and descender as fractions of the font size (descent is negative). */
  readonly ascent: number;
  readonly descent: number;

  constructor(bytes: Uint8Array) {
    this.font = fontkit.create(bytes);
    this.characters = new Set(this.font.characterSet);
    this.ascent = this.font.ascent / this.font.unitsPerEm;
    this.descent = this.font.descent / this.font.unitsPerEm;
  }

  supports(codePoint: number): boolean {
    return this.characters.has(codePoint);
  }

  /**
   * Width of `text` as shaped by the font's layout (contextual forms, conjuncts, marks): what
   * pdf-lib draws, since it lays out with the same features. Slower than `widthOf`; used for
   * scripts whose glyphs depend on their neighbours.
   */
  shapedWidthOf(text: string, size: number, features: Record<string, boolean>): number {
    const run = this.font.layout(text, features);
    let units = 0;
    for (const glyph of run.glyphs) units += glyph.advanceWidth;
    return (units / this.font.unitsPerEm) * size;
  }

  widthOf(text: string, size: number): number {
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      let w = this.widths.get(cp);
      if (w === undefined) {
        w = this.font.glyphForCodePoint(cp).advanceWidth / this.font.unitsPerEm;
        this.widths.set(cp, w);
      }
      units += w;
    }
    return units * size;
  }
}
