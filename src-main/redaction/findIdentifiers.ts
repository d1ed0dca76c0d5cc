import { OPT_IN_CATEGORIES, type RedactionCategory, RULE_SUBSECTION } from '../contract/redaction';
import { isIbanValid, isLuhnValid } from './checkDigits';
import { keepBirthYear, maskKeepingLast, maskMailbox } from '../contract/keptPart';

/** A personal identifier found in a text: where, what, under which rule, and what may stay. */
export interface FoundIdentifier {
  category: RedactionCategory;
  rule: string | null;
  /** UTF-16 offsets into the text: [start, end). */
  start: number;
  end: number;
  value: string;
  kept: string;
  /** The words around it (one line, ~40 characters each side), for the reviewer. */
  context: string;
}

export interface FindOptions {
  /** Opt-in categories to look for as well ('email', 'phone'). */
  optIn?: readonly RedactionCategory[];
}

type Hit = Omit<FoundIdentifier, 'rule' | 'context'>;

/** Not inside a longer run of digits or letters (regex \b treats "_" and digits next to letters oddly). */
const NOT_AFTER = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE = '(?![\\p{L}\\p{N}])';

const SSN_SEPARATED = new RegExp(`${NOT_AFTER}(\\d{3})([- ])(\\d{2})\\2(\\d{4})${NOT_BEFORE}(?![- ]\\d)`, 'gu');
const NINE_DIGITS = new RegExp(`${NOT_AFTER}\\d{9}${NOT_BEFORE}`, 'gu');
const EIN_DASHED = new RegExp(`${NOT_AFTER}(\\d{2})-(\\d{7})${NOT_BEFORE}(?!-\\d)`, 'gu');
// Not the tail of a longer grouped number (an IBAN's digits after "DE89 " can pass Luhn by chance).
const CARD = new RegExp(`${NOT_AFTER}(?<!\\d[ -])\\d(?:[ -]?\\d){12,18}${NOT_BEFORE}(?![ -]\\d)`, 'gu');
const IBAN = new RegExp(`${NOT_AFTER}[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}`, 'gu');
const ACCOUNT = /\b(?:account|acct|a\/c)\b\.?\s*(?:no\b\.?|number|num\b|#)?\s*[:#]?\s*(\d(?:[ -]?\d){5,16})(?!\d)/giu;
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\.? \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH}\\.? \\d{4})`;
const BIRTH_DATE = new RegExp(`(?:\\bDOB\\b|\\bD\\.O\\.B\\.?|\\bdate of birth\\b|\\bbirth ?date\\b|\\bborn(?: on)?\\b)\\s*[:=-]?\\s*(${DATE})${NOT_BEFORE}`, 'giu');
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])/gu;
const PHONE = new RegExp(`${NOT_AFTER}(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}${NOT_BEFORE}|\\+\\d{1,3}(?:[ .-]\\d{2,5}){2,5}${NOT_BEFORE}`, 'gu');

/** Words that make a bare nine-digit number a taxpayer number, looked for just before it. */
const SSN_WORDS = /\b(?:ssn|ss#|social security(?: no\.?| number)?|itin|tin|taxpayer id(?:entification)?(?: no\.?| number)?)\b\W{0,20}$/iu;
const EIN_WORDS = /\b(?:ein|fein|employer id(?:entification)?(?: no\.?| number)?)\b\W{0,20}$/iu;

/** EIN prefixes the IRS never assigned (IRS "How EINs are assigned"); other two-digit prefixes are valid. */
const EIN_UNUSED_PREFIXES = new Set(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97']);

/** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000. */
function isSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** IRS ITIN: starts with 9, the middle two digits in 50-65, 70-88, 90-92 or 94-99. */
function isItin(area: string, group: string): boolean {
  const g = Number(group);
  return area[0] === '9' && ((g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94);
}

function taxpayerNumber(area: string, group: string, serial: string): 'ssn' | 'itin' | null {
  if (isItin(area, group)) return 'itin';
  return isSsn(area, group, serial) ? 'ssn' : null;
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) yield m;
}

function taxpayerNumbers(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches(SSN_SEPARATED, text)) {
    const category = taxpayerNumber(m[1]!, m[3]!, m[4]!);
    if (category) hits.push({ category, start: m.index, end: m.index + m[0].length, value: m[0], kept: maskKeepingLast(m[0], 4) });
  }
  for (const m of matches(EIN_DASHED, text)) {
    if (!EIN_UNUSED_PREFIXES.has(m[1]!)) hits.push({ category: 'ein', start: m.index, end: m.index + m[0].length, value: m[0], kept: maskKeepingLast(m[0], 4) });
  }
  // A bare nine-digit number is an order id as often as an SSN: only flagged after a label.
  for (const m of matches(NINE_DIGITS, text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const v = m[0];
    const category = EIN_WORDS.test(before) ? 'ein' : SSN_WORDS.test(before) ? taxpayerNumber(v.slice(0, 3), v.slice(3, 5), v.slice(5)) : null;
    if (category) hits.push({ category, start: m.index, end: m.index + 9, value: v, kept: maskKeepingLast(v, 4) });
  }
  return hits;
}

function paymentCards(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches(CARD, text)) {
    const digits = m[0].replace(/[ -]/g, '');
    // Issuer ranges in use start with 2-6 (Mastercard 2/5, Amex 3, Visa 4, Discover 6).
    if (digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && isLuhnValid(digits)) {
      hits.push({ category: 'payment_card', start: m.index, end: m.index + m[0].length, value: m[0], kept: maskKeepingLast(m[0], 4) });
    }
  }
  return hits;
}

function ibans(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches(IBAN, text)) {
    // The pattern may run on into a following word in capitals; the longest prefix that checks is the IBAN.
    for (let end = m[0].length; end >= 15; end--) {
      const candidate = m[0].slice(0, end);
      if (candidate.endsWith(' ') || /[\p{L}\p{N}]/u.test(text[m.index + end] ?? '')) continue;
      if (isIbanValid(candidate)) {
        hits.push({ category: 'iban', start: m.index, end: m.index + end, value: candidate, kept: maskKeepingLast(candidate, 4) });
        IBAN.lastIndex = m.index + end;
        break;
      }
    }
  }
  return hits;
}

function accountNumbers(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches(ACCOUNT, text)) {
    const value = m[1]!;
    const start = m.index + m[0].length - value.length;
    hits.push({ category: 'account_number', start, end: start + value.length, value, kept: maskKeepingLast(value, 4) });
  }
  return hits;
}

function birthDates(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches(BIRTH_DATE, text)) {
    const value = m[1]!;
    const start = m.index + m[0].length - value.length;
    hits.push({ category: 'birth_date', start, end: start + value.length, value, kept: keepBirthYear(value) });
  }
  return hits;
}

function simple(pattern: RegExp, category: RedactionCategory, keep: (v: string) => string) {
  return (text: string): Hit[] =>
    [...matches(pattern, text)].map((m) => ({ category, start: m.index, end: m.index + m[0].length, value: m[0], kept: keep(m[0]) }));
}

/**
 * Detectors in priority order: where two claim overlapping text, the earlier wins (a card number
 * is not also a phone number; an IBAN after "account" is an IBAN).
 */
const DETECTORS: readonly { categories: readonly RedactionCategory[]; find: (text: string) => Hit[] }[] = [
  { categories: ['payment_card'], find: paymentCards },
  { categories: ['iban'], find: ibans },
  { categories: ['ssn', 'itin', 'ein'], find: taxpayerNumbers },
  { categories: ['birth_date'], find: birthDates },
  { categories: ['account_number'], find: accountNumbers },
  { categories: ['email'], find: simple(EMAIL, 'email', maskMailbox) },
  { categories: ['phone'], find: simple(PHONE, 'phone', (v) => maskKeepingLast(v, 0)) },
];

/** The line around a hit, trimmed to ~40 characters each side, for review. */
export function contextAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/**
 * Finds the personal identifiers Rule 5.2(a) covers in a text (and, when asked, e-mail addresses
 * and phone numbers), in text order, never two over the same characters. Pure: the caller says
 * which exhibit and page the text is.
 */
export function findIdentifiers(text: string, options: FindOptions = {}): FoundIdentifier[] {
  const optIn = new Set(options.optIn ?? []);
  const taken: Hit[] = [];
  for (const detector of DETECTORS) {
    if (detector.categories.every((c) => OPT_IN_CATEGORIES.includes(c) && !optIn.has(c))) continue;
    for (const hit of detector.find(text).sort((a, b) => a.start - b.start)) {
      if (taken.some((t) => hit.start < t.end && t.start < hit.end)) continue;
      taken.push(hit);
    }
  }
  return taken
    .sort((a, b) => a.start - b.start)
    .map((h) => ({ ...h, rule: RULE_SUBSECTION[h.category], context: contextAround(text, h.start, h.end) }));
}
