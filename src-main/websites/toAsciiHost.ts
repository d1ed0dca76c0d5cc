import { domainToASCII, domainToUnicode } from 'node:url';
import { DomainInputError, quoteValue } from './DomainInputError';
import { scanHiddenCharacters, type HiddenCharacter } from './scanHiddenCharacters';

export interface AsciiHost {
  /** A-label form, lower case. */
  ascii: string;
  /** U-label form. */
  unicode: string;
  /** Hidden characters found in the host as typed (removed before IDNA) or in decoded labels. */
  hidden: HiddenCharacter[];
  /** Labels IDNA mapped to different characters: `typed -> result`. */
  mapped: string[];
}

const ASCII_HOST = /^[\x21-\x7e]*$/;
const HOST_CHARS = /^[a-z0-9_.-]*$/;
const BAD_HOST_CHAR = /[^a-z0-9_.-]/;
// Characters UTS #46 maps to '.', so a typed label boundary may not be an ASCII dot.
const DOTS = /[.\u3002\uff0e\uff61]/;

/**
 * Convert a host name (no trailing dot, not an IP) to A-label and U-label forms with IDNA UTS #46
 * (Node's `url.domainToASCII`, non-transitional, as browsers do).
 *
 * `domainToASCII` silently drops default-ignorable characters and returns '' for bidi controls.
 * So those are found and removed first and reported to the caller, which flags them; the name
 * they leave is what a browser resolves (for the ignorables) or the nearest readable name.
 */
export function toAsciiHost(host: string, input: string): AsciiHost {
  if (ASCII_HOST.test(host)) {
    const lower = host.toLowerCase();
    if (!HOST_CHARS.test(lower)) {
      const bad = BAD_HOST_CHAR.exec(lower)![0];
      throw new DomainInputError(
        'INVALID_LABEL',
        input,
        `${quoteValue(input)} contains ${quoteValue(bad)}, which cannot appear in a domain name (letters, digits, "-" and "." only).`,
      );
    }
    if (!lower.includes('xn--')) return { ascii: lower, unicode: lower, hidden: [], mapped: [] };
    const unicode = domainToUnicode(lower);
    if (unicode === '' || domainToASCII(lower) === '') throw invalidIdnLabel(lower, input);
    // A decoded label can itself hold hidden characters only if IDNA let them through (it rejects
    // the known ones today); scan anyway so a future mapping change cannot hide one.
    return { ascii: lower, unicode, hidden: scanHiddenCharacters(unicode).found, mapped: [] };
  }

  const { cleaned, found } = scanHiddenCharacters(host);
  if (cleaned === '') {
    throw new DomainInputError('INVALID_LABEL', input, `${quoteValue(input)} has no visible characters in its host name.`);
  }
  const ascii = domainToASCII(cleaned);
  if (ascii === '') throw invalidIdnLabel(cleaned, input);
  if (!HOST_CHARS.test(ascii)) {
    const bad = BAD_HOST_CHAR.exec(ascii)![0];
    throw new DomainInputError(
      'INVALID_LABEL',
      input,
      `${quoteValue(input)} maps to a name containing ${quoteValue(bad)}, which cannot appear in a domain name.`,
    );
  }
  const unicode = domainToUnicode(ascii);
  return { ascii, unicode, hidden: found, mapped: mappedLabels(cleaned, ascii, unicode) };
}

function invalidIdnLabel(host: string, input: string): DomainInputError {
  const bad = host.split(DOTS).find((label) => label !== '' && domainToASCII(`${label}.com`) === '');
  const which = bad === undefined ? '' : ` (label ${quoteValue(bad)})`;
  return new DomainInputError(
    'INVALID_LABEL',
    input,
    `${quoteValue(input)} is not a valid internationalised domain name${which}: IDNA (UTS #46) refuses it, and browsers would too.`,
  );
}

// Compare what was typed with what IDNA produced, label by label. Case changes are not reported;
// width, compatibility and label-splitting mappings (`ｅｘａｍｐｌｅ`, `ẞ` -> `ss`) are.
function mappedLabels(typed: string, ascii: string, unicode: string): string[] {
  const typedLabels = typed.toLowerCase().normalize('NFC').split(DOTS);
  const asciiLabels = ascii.split('.');
  const unicodeLabels = unicode.split('.');
  if (typedLabels.length !== unicodeLabels.length) return [`${typed} -> ${unicode}`];
  const mapped: string[] = [];
  typedLabels.forEach((label, i) => {
    const produced = label.startsWith('xn--') ? asciiLabels[i] : unicodeLabels[i];
    if (label !== produced) mapped.push(`${label} -> ${produced}`);
  });
  return mapped;
}
