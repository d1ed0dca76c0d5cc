import { type RedactionCategory, RULE_SUBSECTION } from './redaction';

/**
 * What Rule 5.2(a) lets a public filing keep of an identifier, written in the identifier's place:
 * the last four digits of a number, the year of a birth date, a minor's initials. In the contract so the review view can preview it. Every other
 * letter and digit becomes "X" and separators stay, so the reader still sees what kind of number
 * was there ("XXX-XX-6789").
 */

/** Masks every letter and digit except the last `keep` of them. */
export function maskKeepingLast(value: string, keep: number): string {
  let alnumSeen = 0;
  const total = (value.match(/[\p{L}\p{N}]/gu) ?? []).length;
  let out = '';
  for (const ch of value) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      alnumSeen += 1;
      out += alnumSeen > total - keep ? ch : 'X';
    } else out += ch;
  }
  return out;
}

/** A date of birth with everything but its four-digit year masked ("XX/XX/1985"); all masked without a year. */
export function keepBirthYear(value: string): string {
  const year = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/.exec(value);
  if (!year) return maskKeepingLast(value, 0);
  const before = maskKeepingLast(value.slice(0, year.index), 0);
  const after = maskKeepingLast(value.slice(year.index + 4), 0);
  return `${before}${year[1]}${after}`;
}

/** A name reduced to its initials ("Jane Q. Doe" -> "J.Q.D."). */
export function initialsOf(name: string): string {
  const words = name.match(/\p{L}[\p{L}'-]*/gu) ?? [];
  return words.map((w) => `${w[0]!.toUpperCase()}.`).join('');
}

/** An e-mail address with its mailbox masked and its domain kept ("XXXX@example.com"). */
export function maskMailbox(value: string): string {
  const at = value.lastIndexOf('@');
  return at < 0 ? maskKeepingLast(value, 0) : `${maskKeepingLast(value.slice(0, at), 0)}${value.slice(at)}`;
}

/** What Rule 5.2(a) keeps of a value of this category (nothing for categories outside it). */
export function keptFor(category: RedactionCategory, value: string): string {
  if (category === 'minor_name') return initialsOf(value);
  if (category === 'birth_date') return keepBirthYear(value);
  if (category === 'email') return maskMailbox(value);
  if (RULE_SUBSECTION[category]) return maskKeepingLast(value, 4);
  return '';
}
