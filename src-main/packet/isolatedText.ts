import { spellHidden } from './visibleText';

/** A first-strong isolate (U+2068) and its pop (U+2069), UAX #9 rules X5c and X6a. */
const FSI = '\u2068';
const PDI = '\u2069';
// Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko ... and their presentation
// forms), as in fonts/scriptRuns.
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * A line of the packet's own (left-to-right) words with names a user entered set in it, e.g.
 * ['Registrar: ', { isolate: 'רשם דומיינים בע״מ' }, ' — 2 domains']. Each isolated name takes its
 * direction from its own first strong letter and is placed as one unit, so the bidirectional
 * algorithm cannot pull the words and numbers around it into a right-to-left name: without it,
 * "Registrar: רשם — 2 domains" was drawn "Registrar: 2 — רשם domains" (a number after Hebrew or
 * Arabic joins the right-to-left run, UAX #9 rules W2 and N1).
 */
export type MixedText = readonly (string | { readonly isolate: string })[];

/**
 * The line as one string for wrapping and drawing: hidden characters in every part spelled out
 * (so a bidi control a user typed is shown as [U+2068], never obeyed; `keep` spares some in the
 * packet's own parts, e.g. "\n"; a name keeps none, a line break in it is shown, not obeyed), each
 * isolated part between FSI and PDI. The only isolates in the result are these; scriptRuns draws
 * them as nothing. A name without a right-to-left letter cannot be reordered (every character
 * of a left-to-right line stays at level 0), so it is left bare: such lines draw as before,
 * byte for byte, and a frozen production exported earlier still re-exports to the same bytes.
 */
export function isolatedLine(text: MixedText, keep = ''): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return spellHidden(part, keep).text;
      const name = spellHidden(part.isolate).text;
      return RIGHT_TO_LEFT.test(name) ? `${FSI}${name}${PDI}` : name;
    })
    .join('');
}

/**
 * Each wrapped line is laid out on its own, so an isolate a line break cuts is closed at the end
 * of its line and opened again at the start of the next: the part of a name carried over stays
 * isolated from the count that follows it. Lines without isolates come back unchanged.
 */
export function balanceIsolates(lines: readonly string[]): string[] {
  let open = 0;
  return lines.map((line) => {
    const text = `${FSI.repeat(open)}${line}`;
    let depth = 0;
    for (const ch of text) {
      if (ch === FSI) depth++;
      else if (ch === PDI && depth > 0) depth--;
    }
    open = depth;
    return `${text}${PDI.repeat(depth)}`;
  });
}
