import { withEncodedWordsDecoded } from './encodedWords';
import { type FoldedText, foldForMatching, originalSpan } from './foldedText';

/**
 * A pattern that finds a redacted value however it is spelled: letters in any case, and up to
 * three of space, dot, dash, slash (or none) between its characters ("123-45-6789", "123 45 6789",
 * "123456789"; three because pdf.js text may hold a separator item between two runs, each joined
 * by a space). Used both to redact and to search the finished packet for leaks: the two must
 * agree, so both use this. It is meant for text folded as the value is (foldForMatching): the
 * value is folded here, and valueSpans and textHolds fold the text.
 */
export function valuePattern(value: string): RegExp {
  const chars = [...foldForMatching(value).text.replace(/[\s./-]+/g, '')];
  const body = chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s./-]{0,3}');
  // A short value ("Al", a minor's first name) only as a whole word: inside "Alice" it is not the value.
  return new RegExp(chars.length < 6 ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body, 'giu');
}

/** The value's letters and digits only, lower case: what the leak check looks for in text stripped the same way. */
export function compactForm(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Below this many letters and digits a value is looked for as spelled only (a short compact form would match by chance). */
export const COMPACT_MIN = 6;

/**
 * Every place `value` occurs in `text` (folded once by the caller: foldForMatching), in any
 * spelling valuePattern finds, as spans of the original text: a look-alike spelling
 * ("Bоbby" with a Cyrillic о, a soft hyphen inside) is found as the value and redacted whole.
 */
export function valueSpans(folded: FoldedText, value: string): { start: number; end: number }[] {
  return [...folded.text.matchAll(valuePattern(value))].map((m) => originalSpan(folded, m.index, m.index + m[0].length));
}

/**
 * Whether `text` holds `value` as the leak check finds it: with its MIME encoded words decoded
 * (withEncodedWordsDecoded) and folded (foldForMatching: look-alike letters, full-width forms,
 * hidden characters), in a spelling valuePattern finds, or (for
 * values of COMPACT_MIN letters and digits or more) as its bare letters and digits inside the
 * text stripped the same way.
 */
export function textHolds(text: string, value: string): boolean {
  const folded = foldForMatching(withEncodedWordsDecoded(text)).text;
  return foldedTextHolds(folded, value, () => compactForm(folded));
}

/** textHolds for a text already folded, its compact form computed once per text by the caller (`compactText`). */
export function foldedTextHolds(folded: string, value: string, compactText: () => string): boolean {
  if (valuePattern(value).test(folded)) return true;
  const compact = compactForm(foldForMatching(value).text);
  return compact.length >= COMPACT_MIN && compactText().includes(compact);
}
