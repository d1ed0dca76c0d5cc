import type { FontMetrics } from '../fonts/FontMetrics';

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

/**
 * Spells out hidden characters as [U+XXXX] and keeps everything else, for text drawn with font
 * fallback (drawScriptText), where every visible character is drawn by some face or as a box
 * with its code point. Zero-width (non-)joiners are kept: they change how Arabic and Indic
 * letters join, which the shaping shows.
 */
export function spellHidden(text: string, keep = ''): { text: string; replaced: number } {
  let out = '';
  let replaced = 0;
  for (const ch of text) {
    if (keep.includes(ch) || ch === '\u200C' || ch === '\u200D' || !HIDDEN.test(ch)) {
      out += ch;
    } else {
      out += `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
      replaced++;
    }
  }
  return { text: out, replaced };
}
