import type { ExhibitRedactions, RedactedValue } from './ExhibitRedactions';
import { maskKeepingLast } from '../contract/keptPart';
import { valuePattern } from './valuePattern';

/** What stands in a redacted place in a rebuilt text layer: the kept part and the label. */
export function replacementFor(kept: string, label: string): string {
  return kept ? `${kept} [${label}]` : `[${label}]`;
}

/**
 * The kept form of one occurrence, exactly as long as the occurrence: a kept form with masked
 * characters keeps as many trailing letters and digits as it shows ("123456789" -> "XXXXX6789"
 * whichever spelling was found); initials are padded with spaces; anything else is all X. Same
 * length, so a redacted transcript wraps and paginates like the sealed one (same Bates numbers).
 */
function keptLike(occurrence: string, v: RedactedValue): string {
  if (v.kept.includes('X')) {
    const tail = v.kept.slice(v.kept.lastIndexOf('X') + 1).match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    return maskKeepingLast(occurrence, tail);
  }
  if (v.kept && v.kept.length <= occurrence.length) return v.kept.padEnd(occurrence.length, ' ');
  return maskKeepingLast(occurrence, 0).replace(/[^X]/g, 'X');
}

/**
 * The text a public filing prints of a text or e-mail exhibit: every accepted value, in every
 * spelling valuePattern finds, replaced by what the rule keeps (same length; the slip sheet says
 * which Rule 5.2 subsections were applied). Longer values first, so a value inside another is
 * not left half done.
 */
export function redactText(text: string, redactions: ExhibitRedactions): string {
  let out = text;
  for (const v of [...redactions.values].sort((a, b) => b.value.length - a.value.length)) {
    out = out.replace(valuePattern(v.value), (occurrence) => keptLike(occurrence, v));
  }
  return out;
}
