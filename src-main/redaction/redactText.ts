import type { ExhibitRedactions, RedactedValue } from './ExhibitRedactions';
import { maskKeepingLast } from '../contract/keptPart';
import { REDACTION_CATEGORIES, redactionLabel } from '../contract/redaction';
import { encodedParts, maskEncodedRun } from './encodedWords';
import { foldForMatching } from './foldedText';
import { textHolds, valueSpans } from './valuePattern';

/**
 * What stands in a redacted place: the kept part and its label, "XXX-XX-6789 [REDACTED - FRCP
 * 5.2(a)(1)]". Printed text, the rebuilt text layer of rasterised pages and the sealed set's
 * marks all use this form, so a reader searching for "REDACTED" finds every place.
 */
export function replacementFor(kept: string, label: string): string {
  return kept ? `${kept} [${label}]` : `[${label}]`;
}

/** Every label a redaction can carry, in brackets as printed. */
const LABELS = [...new Set(REDACTION_CATEGORIES.map((c) => `[${redactionLabel(c)}]`))];

const LABEL_WITH_SPACE = new RegExp(` ?(?:${LABELS.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');

/**
 * `line` with the spaces inside each printed label, and the one before it, turned into no-break
 * spaces (same count of code points): what a transcript wraps, so a line never breaks inside
 * "[REDACTED - FRCP 5.2(a)(1)]" or between it and the kept form it labels (a break after its
 * dash would also read as a hyphenated word). Only for finding the breaks; the rows printed are
 * cut from the real text at the same places.
 */
export function keepLabelsWhole(line: string): string {
  return line.includes('[REDACTED') ? line.replace(LABEL_WITH_SPACE, (m) => m.replace(/ /g, '\u00a0')) : line;
}

/**
 * Whether a value is found inside a printed label ("FRCP", "5.2(a)") as the leak check looks for
 * it (textHolds): the leak check would then find it on every labelled page, and printing the label would print the value. Such a text
 * is refused as a redaction (addRedaction), so a label never holds a redacted value.
 */
export function labelsHold(value: string): boolean {
  return LABELS.some((label) => textHolds(label, value));
}

/**
 * The kept form of one occurrence, exactly as many code points as the occurrence: a kept form
 * with masked characters keeps as many trailing letters and digits as it shows ("123456789" ->
 * "XXXXX6789" whichever spelling was found); initials are padded with spaces; anything else has
 * every letter and digit masked; a run of MIME encoded words has its payloads masked. Same length, so the sealed set (which prints the occurrence in the same place) breaks its
 * lines where the public set does.
 */
function keptLike(occurrence: string, v: RedactedValue, encoded = false): string {
  if (encoded) return maskEncodedRun(occurrence);
  if (v.kept.includes('X')) {
    const tail = v.kept.slice(v.kept.lastIndexOf('X') + 1).match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    return maskKeepingLast(occurrence, tail);
  }
  if (v.kept && [...v.kept].length <= [...occurrence].length && !/[\r\n]/.test(occurrence)) return padKept(v.kept, occurrence);
  // Separators stay (a line break or a no-break space inside the occurrence keeps the sealed line aligned).
  return maskKeepingLast(occurrence, 0);
}

/**
 * `kept` padded with spaces to as many code points as `occurrence`, its hidden characters (a soft
 * hyphen or zero-width space inside a look-alike spelling) kept where they are: the transcript
 * spells them out ("[U+00AD]") in both sets alike, so the two stay aligned.
 */
function padKept(kept: string, occurrence: string): string {
  const shown = [...kept];
  let next = 0;
  let out = '';
  for (const ch of occurrence) out += /[\p{Cf}\p{Cc}]/u.test(ch) ? ch : (shown[next++] ?? ' ');
  return out;
}

/** How many places of `text` redactText replaces (a value inside another counted once, with the longer one). */
export function redactedPlaces(text: string, redactions: ExhibitRedactions): number {
  return occurrences(text, redactions).length;
}

interface Occurrence {
  start: number;
  end: number;
  value: RedactedValue;
  /** A run of MIME encoded words whose decoded text holds the value: its payloads are masked. */
  encoded?: boolean;
}

/**
 * Every place an accepted value occurs, in every spelling valuePattern finds, found in one pass
 * over the original text: longer values first, and a place inside one already taken is left (a
 * value inside another is not left half done, and nothing is looked for in a label).
 */
function occurrences(text: string, redactions: ExhibitRedactions): Occurrence[] {
  const taken: Occurrence[] = [];
  const folded = foldForMatching(text);
  const values = [...redactions.values].sort((a, b) => b.value.length - a.value.length);
  for (const v of values) {
    for (const { start, end } of valueSpans(folded, v.value)) {
      if (!taken.some((t) => start < t.end && t.start < end)) taken.push({ start, end, value: v });
    }
  }
  // A raw e-mail header prints its encoded words as stored: one that decodes to a value is the value.
  for (const run of encodedParts(text)) {
    const v = values.find((value) => textHolds(run.decoded, value.value));
    if (v && !taken.some((t) => run.start < t.end && t.start < run.end)) taken.push({ start: run.start, end: run.end, value: v, encoded: true });
  }
  return taken.sort((a, b) => a.start - b.start);
}

function rewrite(text: string, redactions: ExhibitRedactions, shown: (occurrence: string, v: RedactedValue, encoded: boolean) => string): string {
  let out = '';
  let at = 0;
  for (const o of occurrences(text, redactions)) {
    const occurrence = text.slice(o.start, o.end);
    out += `${text.slice(at, o.start)}${shown(occurrence, o.value, o.encoded === true)} [${o.value.label}]`;
    at = o.end;
  }
  return out + text.slice(at);
}

/**
 * The text a public filing prints of a text or e-mail exhibit: every accepted value replaced by
 * what the rule keeps, followed by its label ("XXX-XX-6789 [REDACTED - FRCP 5.2(a)(1)]").
 */
export function redactText(text: string, redactions: ExhibitRedactions): string {
  return rewrite(text, redactions, keptLike);
}

/**
 * The sealed set's text: every redacted value shown in full, followed by the same label, so the
 * unredacted copy shows which places the public filing redacts (as courts ask of sealed copies).
 * Character for character aligned with redactText's result (only the value's letters and digits
 * differ), so both sets lay out their lines and pages alike.
 */
export function markRedactions(text: string, redactions: ExhibitRedactions): string {
  return rewrite(text, redactions, (occurrence) => occurrence);
}

/**
 * A line the packet prints about an exhibit from its content (an e-mail attachment's name in a
 * page header), as the exhibit's text is printed: redacted and labelled in a public set, marked
 * in the sealed set, as it is when there are no redactions.
 */
export function asPrinted(text: string, redactions: ExhibitRedactions | undefined): string {
  if (!redactions) return text;
  return redactions.sealed ? markRedactions(text, redactions) : redactText(text, redactions);
}
