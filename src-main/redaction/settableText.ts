import type { PDFFont } from 'pdf-lib';

/**
 * The characters of `text` a standard PDF font (WinAnsi) can set; each other character becomes
 * `stand(c)` (nothing, or a visible stand-in), since the font would refuse the whole string.
 */
export function settableText(font: PDFFont, text: string, stand: (c: string) => string): string {
  return [...text].map((c) => {
    try {
      font.encodeText(c);
      return c;
    } catch {
      return stand(c);
    }
  }).join('');
}
