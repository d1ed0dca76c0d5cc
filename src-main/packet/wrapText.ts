/** Anything that measures a line: one face (FontMetrics) or a face with its fallbacks (LayoutFlow.measurer). */
export interface TextMeasure {
  widthOf(text: string, size: number): number;
}

/**
 * Greedy line breaking at spaces; words wider than the line (hashes, URLs, long file names) are
 * broken between characters so nothing is ever clipped. Hard line breaks ("\n") are kept, and
 * so is a paragraph's leading indentation (folded e-mail headers, indented code and logs).
 */
export function wrapText(font: TextMeasure, text: string, size: number, maxWidth: number, firstWidth = maxWidth): string[] {
  const lines: string[] = [];
  const widthNow = (): number => (lines.length === 0 ? firstWidth : maxWidth);
  for (const paragraph of text.split('\n')) {
    const indent = /^ +/.exec(paragraph)?.[0] ?? '';
    let line = indent;
    for (const word of paragraph.slice(indent.length).split(' ')) {
      const candidate = line === '' || line === indent ? `${line}${word}` : `${line} ${word}`;
      if (font.widthOf(candidate, size) <= widthNow()) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      if (font.widthOf(word, size) <= widthNow()) {
        line = word;
        continue;
      }
      const chunks = breakWord(font, word, size, widthNow());
      lines.push(...chunks.slice(0, -1));
      line = chunks[chunks.length - 1] ?? '';
    }
    lines.push(line);
  }
  return lines;
}

// URLs, paths and domains read best broken after one of these.
const SOFT_BREAKS = new Set(['/', '.', '-', '_', '?', '&', '=', ',', ':', '@']);

function breakWord(font: TextMeasure, word: string, size: number, maxWidth: number): string[] {
  const chunks: string[] = [];
  let chunk: string[] = [];
  for (const ch of word) {
    if (chunk.length > 0 && font.widthOf(chunk.join('') + ch, size) > maxWidth) {
      // Prefer the last soft break in the second half of the line; otherwise break anywhere
      // (hashes have no soft breaks and are split between digits).
      let at = -1;
      for (let i = chunk.length - 1; i >= chunk.length / 2; i--) {
        if (SOFT_BREAKS.has(chunk[i] as string)) {
          at = i + 1;
          break;
        }
      }
      if (at > 0 && at < chunk.length) {
        chunks.push(chunk.slice(0, at).join(''));
        chunk = chunk.slice(at);
      } else {
        chunks.push(chunk.join(''));
        chunk = [];
      }
    }
    chunk.push(ch);
  }
  chunks.push(chunk.join(''));
  return chunks;
}
