import { withEncodedWordsDecoded } from './encodedWords';
import { foldForMatching } from './foldedText';
import { PACKET_WORDING } from './packetWording';
import { compactForm, foldedTextHolds, textHolds } from './valuePattern';

/** A line of Dossier's own packet wording and where in a packet the leak check reads it. */
export type WordingPlace = (typeof PACKET_WORDING)[number];

/** Where a reader sees a place first: a line of page text names the wording best, PDF structure last. */
const SHOWN_FIRST: readonly WordingPlace['where'][] = ['page text', 'outline', 'file name', 'file text', 'document information', 'XMP metadata', 'object strings'];

let folded: { place: WordingPlace; text: string; compact: string }[] | undefined;

/**
 * The line of Dossier's own packet wording (PACKET_WORDING: headings, labels, the declaration's
 * sentences, the PDF's outline, metadata and structure) that holds `value` as the export's leak
 * check finds it (same folding and spellings: foldedTextHolds), or undefined. Its most readable
 * place: page text before PDF structure, a line spelling it as typed, the shortest.
 *
 * Why a value is refused rather than the leak check told to skip Dossier's wording: the leak
 * check reads the written files whole and trusts nothing about how they were made, so a value
 * the case puts into a packet is found wherever it lands, also inside or beside a heading. A
 * check that skipped text looking like (or tagged as) template wording would let case data
 * through by looking like it, or through any gap in the tagging. A value the packet itself
 * prints cannot be proven absent, so it is refused where it is defined (redact add) and reported
 * by packet --check; the leak check stays the authority. A line missing here (wording added
 * since PACKET_WORDING was generated) can only make an export fail as before, never pass a leak.
 */
export function packetWordingHolding(value: string): WordingPlace | undefined {
  folded ??= PACKET_WORDING.map((place) => {
    const text = foldForMatching(withEncodedWordsDecoded(place.text)).text;
    // Letters and digits are gathered between NULs only (where typed text stood, or findLeaks' BARRIER), as the leak check gathers them.
    return { place, text, compact: text.split('\u0000').map(compactForm).join('\u0000') };
  });
  const hits = folded.filter((f) => foldedTextHolds(f.text, value, () => f.compact)).map((f) => f.place);
  // A line spelling the value as typed ("Hash" in "Audit Chain and Case File Hash") reads better than a wrapped fragment ("hash: the redacted").
  const rank = (p: WordingPlace) => {
    const at = SHOWN_FIRST.indexOf(p.where);
    return (at < 0 ? SHOWN_FIRST.length : at) * 2 + (p.text.includes(value) ? 0 : 1);
  };
  return hits.sort((a, b) => rank(a) - rank(b) || a.text.length - b.text.length)[0];
}

const PLACE_NAMES: Partial<Record<WordingPlace['where'], string>> = {
  outline: "the PDF's outline (bookmarks)",
  'file name': 'the name of a file it writes',
  'file text': 'the ECF attachment list',
  'document information': "the PDF's document information",
  'XMP metadata': "the PDF's XMP metadata",
  'object strings': 'the PDF structure Dossier writes',
};

/**
 * A wording line as printed in a message: only the part of it that holds `value` when the line
 * is a page header or a contents entry ("Case No. … · Chain of Custody", dot leaders), the case's
 * data that stood in it shown as "…", cut to a readable length, and where it is if not on a page.
 */
export function quotedWording(place: WordingPlace, value: string): string {
  const parts = place.text.split(/\u0000+| · |(?: \.){3,}/).map((p) => p.trim());
  const part = parts.find((p) => textHolds(p, value) && p.toLowerCase() !== value.toLowerCase());
  const text = (part ?? place.text.trim()).replace(/\u0000+/g, '…');
  const where = PLACE_NAMES[place.where];
  return `"${text.length > 90 ? `${text.slice(0, 87)}...` : text}"${where ? ` in ${where}` : ''}`;
}

/**
 * The value at text[start, end) with the words after it on its line (or, failing that, before
 * it), up to five, until no packet wording holds it: a text counsel can redact instead, as the
 * exhibit spells it. Undefined when no such text is found on the line.
 */
export function moreSpecificText(text: string, start: number, end: number): string | undefined {
  const tidy = (s: string) => s.replace(/^[\s.,;:!?()"'-]+|[\s.,;:!?()"'-]+$/g, '');
  const free = (s: string) => s !== '' && packetWordingHolding(s) === undefined;
  let to = end;
  for (let words = 0; words < 5; words += 1) {
    const next = /^\S*[^\S\r\n]+\S+/.exec(text.slice(to));
    if (!next) break;
    to += next[0].length;
    const candidate = tidy(text.slice(start, to));
    if (free(candidate)) return candidate;
  }
  let from = start;
  for (let words = 0; words < 5; words += 1) {
    const previous = /\S+[^\S\r\n]+\S*$/.exec(text.slice(0, from));
    if (!previous) break;
    from -= previous[0].length;
    const candidate = tidy(text.slice(from, end));
    if (free(candidate)) return candidate;
  }
  return undefined;
}

/** Why a value Dossier's own packet wording holds cannot be redacted as text, and what to do instead (redact add). */
export function wordingRefusal(value: string, place: WordingPlace, instead: string | undefined): string {
  return `"${value}" cannot be redacted as text: Dossier's own wording in filing packets holds it (${quotedWording(place, value)}), so the export's leak check, which reads the whole public packet, would find it there and refuse every public export. Redact a more specific text as the exhibit has it${instead ? ` (e.g. "${instead}")` : ' (the words around it)'}, or, on a PDF page or an image, draw a box over it (--page N --box x,y,w,h).`;
}
