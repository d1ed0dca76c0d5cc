import type { FontMetrics } from './FontMetrics';

// Format and control characters change what a reader sees without being visible themselves
// (soft hyphens and zero-width spaces inside domains, right-to-left overrides in file names).
// Evidence must show them, so they are spelled out as [U+XXXX].
const HIDDEN = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u;

/**
 * Makes `text` safe to draw with `font`: hidden characters spelled out, characters the typeface
 * lacks replaced by U+FFFD (or "?" when the font has no U+FFFD either). Never draws the .notdef
 * glyph, which PDF/A forbids and which readers show as an empty box. `keep` lists control
 * characters the caller handles itself (e.g. "\n").
 */
export function visibleText(text: string, font: FontMetrics, keep = ''): { text: string; replaced: number } {
  const fallback = font.supports(0xfffd) ? '\uFFFD' : '?';
  let out = '';
  let replaced = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (keep.includes(ch)) {
      out += ch;
    } else if (HIDDEN.test(ch)) {
      out += `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
      replaced++;
    } else if (!font.supports(cp)) {
      out += fallback;
      replaced++;
    } else {
      out += ch;
    }
  }
  return { text: out, replaced };
}
