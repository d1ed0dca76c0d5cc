import { CONFUSABLE_LATIN } from '../websites/confusables';

/**
 * A text as redaction matches it, with the way back to the original: `text` is the folded form
 * (foldForMatching), `from[k]` and `to[k]` the original span (UTF-16 indexes) of the character
 * that gave folded unit k. Null maps: the text folds to itself (plain ASCII).
 */
export interface FoldedText {
  text: string;
  from: number[] | null;
  to: number[] | null;
}

// Soft hyphens, zero-width spaces and joiners, bidi controls (Cf) show nothing a reader takes
// for a letter: "Bob\u00ADby" reads as "Bobby". So do the combining diacritics over Latin,
// Greek and Cyrillic letters ("Bób" is "Bob" to the eye); the vowel signs of Indic and other
// scripts are letters of their words and stay.
const INVISIBLE = /^[\p{Cf}\u034f]$/u;
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
const folds = new Map<string, string>();

/** One character as a reader takes it: compatibility form (full-width "Ｂ" is "B"), no diacritics, a Latin look-alike as its Latin letter. */
function foldChar(ch: string): string {
  let out = folds.get(ch);
  if (out !== undefined) return out;
  out = '';
  if (!INVISIBLE.test(ch)) {
    for (const k of ch.normalize('NFKC')) {
      if (INVISIBLE.test(k)) continue;
      // Decomposed only to drop diacritics (a Hangul syllable is not taken apart).
      const bare = k.normalize('NFD').replace(DIACRITICS, '');
      const base = bare === k.normalize('NFD') ? k : bare.normalize('NFC');
      for (const b of base) out += CONFUSABLE_LATIN[b.toLowerCase()] ?? b;
    }
  }
  folds.set(ch, out);
  return out;
}

/**
 * The form a redacted value is looked for in, so a look-alike spelling is found as the value
 * itself: NFKC compatibility forms folded (full-width letters and digits), soft hyphens,
 * zero-width and other format characters and combining diacritics removed, and the Cyrillic, Greek and
 * Armenian letters that print like Latin ones mapped to those (the look-alike table of the
 * domain checks, websites/confusables). "Ｂｏｂｂｙ", "Bоbby" (Cyrillic о), "Bob\u00ADby" and
 * "Bob\u200Bby" all fold to "Bobby". Case is left to the matcher (valuePattern ignores it).
 */
export function foldForMatching(text: string): FoldedText {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return { text, from: null, to: null };
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(at);
      to.push(at + ch.length);
    }
    out += f;
    at += ch.length;
  }
  return { text: out, from, to };
}

/** The original span of folded units [start, end) (end > start). */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (!folded.from || !folded.to) return { start, end };
  return { start: folded.from[start] as number, end: folded.to[end - 1] as number };
}
