import { DomainInputError, quoteValue } from './DomainInputError';

/** The parts of a URL-or-domain string, before the host is normalised. */
export interface SiteInputParts {
  /** Lower-case scheme without `://`, or null for a bare domain (`evil.com/login`). */
  scheme: string | null;
  /** Text before `@` in the authority, or null. */
  userinfo: string | null;
  /** The host exactly as written (brackets removed from IPv6), trailing dot kept. */
  host: string;
  port: number | null;
  /** Everything after the authority (path, query, fragment) as written; null when empty or `/`. */
  path: string | null;
  /** True when the input used threat-intel "defanging" (`hxxp`, `[.]`, ...) and was refanged. */
  defanged: boolean;
}

// Threat-intel feeds and analysts' notes "defang" indicators so nobody clicks them. Refanging is
// a convention, not a guess: `evil[.]com` can only mean `evil.com`.
const DEFANG_HINT = /[[({]|^hxxp/i;
const DEFANG_DOT = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}/gi;
const DEFANG_SCHEME = /^h(?:xx|XX|xX|Xx)p(s?)(?=:|\[:)/;
const DEFANG_COLON = /\[:\]\/\/|\[:\/\/\]/;

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/**
 * Split a URL or bare domain into scheme, userinfo, host, port and path.
 *
 * Written by hand rather than with WHATWG `new URL()`: that parser applies IDNA mapping to the
 * host (dropping soft hyphens and zero-width spaces without a trace), and it only parses hosts of
 * the special schemes. We need the host exactly as written so the caller can flag what the
 * mapping would hide, for any scheme. The grammar is RFC 3986's authority, which is small.
 */
export function splitSiteInput(input: string): SiteInputParts {
  let text = input;
  let defanged = false;
  if (DEFANG_HINT.test(text)) {
    const refanged = text
      .replace(DEFANG_SCHEME, 'http$1')
      .replace(DEFANG_COLON, '://')
      .replace(DEFANG_DOT, '.');
    defanged = refanged !== text;
    text = refanged;
  }

  let scheme: string | null = null;
  let rest = text;
  const schemeMatch = SCHEME.exec(text);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    rest = text.slice(schemeMatch[0].length);
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2); // protocol-relative `//evil.com/x`
  }

  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    // '/', '?', '#', '\'
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      end = i;
      break;
    }
  }
  let authority = rest.slice(0, end);
  const after = rest.slice(end);
  const path = after === '' || after === '/' ? null : after;

  let userinfo: string | null = null;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    if (scheme === null) {
      throw new DomainInputError(
        'INVALID_URL',
        input,
        `${quoteValue(input)} has "@" but no scheme like https://: an e-mail address (or a spreadsheet formula) is not a website; enter the domain after "@" instead.`,
      );
    }
    userinfo = authority.slice(0, at);
    authority = authority.slice(at + 1);
  }

  let host = authority;
  let portText: string | null = null;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) {
      throw new DomainInputError('INVALID_URL', input, `${quoteValue(input)} has "[" without a closing "]" around an IPv6 address.`);
    }
    host = authority.slice(1, close);
    const tail = authority.slice(close + 1);
    if (tail !== '') {
      if (!tail.startsWith(':')) {
        throw new DomainInputError('INVALID_URL', input, `${quoteValue(input)} has text after the IPv6 address "]".`);
      }
      portText = tail.slice(1);
    }
  } else if (authority.indexOf(':') !== authority.lastIndexOf(':')) {
    host = authority; // a bare IPv6 address (`2001:db8::1`): two or more colons, so no port
  } else {
    const colon = authority.indexOf(':');
    if (colon >= 0) {
      host = authority.slice(0, colon);
      portText = authority.slice(colon + 1);
    }
  }

  let port: number | null = null;
  if (portText !== null && portText !== '') {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
      throw new DomainInputError(
        'INVALID_URL',
        input,
        `${quoteValue(input)} has an invalid port ${quoteValue(portText)}: a port is a number from 0 to 65535.`,
      );
    }
    port = Number(portText);
  }

  if (host === '') {
    throw new DomainInputError('INVALID_URL', input, `${quoteValue(input)} has no host name.`);
  }
  return { scheme, userinfo, host, port, path, defanged };
}
