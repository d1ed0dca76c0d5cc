import { parse as parseDomain, getPublicSuffix } from 'tldts';
import { DomainInputError, quoteValue } from './DomainInputError';
import { brandImitatedBy, brandLookalikeReason, findLookalikes } from './findLookalikes';
import type { NormalizeSiteOptions, NormalizedSite, SiteFlag } from './NormalizedSite';
import { parseIpHost } from './parseIpHost';
import { reportHiddenCharacters } from './reportHiddenCharacters';
import { formatCodePoint, scanHiddenCharacters, showHiddenCharacters } from './scanHiddenCharacters';
import { splitSiteInput, type SiteInputParts } from './splitSiteInput';
import { toAsciiHost } from './toAsciiHost';

export type { NormalizeSiteOptions, NormalizedSite, SiteFlag } from './NormalizedSite';

// String.prototype.trim also strips U+FEFF, an invisible character we must report, so trim
// Unicode White_Space only.
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
const SPACE = /\p{White_Space}/u;
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
// Fast path: most rows of a bulk list are bare lower-case ASCII names, which need no URL
// splitting, no control/space checks and no IDNA.
const BARE_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const NON_ASCII = /[^\x00-\x7f]/;
const TYPED_WIDE_DOT_END = /[\u3002\uff0e\uff61]$/;
const REGISTRABLE_LABEL = /^(?:xn--[a-z0-9-]*[a-z0-9]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$/;
const TLD_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/;

const TLDTS_OPTIONS = { extractHostname: false, allowPrivateDomains: false } as const;
const TLDTS_SPECIAL_USE = { extractHostname: false, allowPrivateDomains: false, detectSpecialUse: true } as const;
// TLDs under which tldts's special-use list (IANA registry snapshot, tldts-core is-special-use.ts)
// has names. Asking tldts only for these halves the cost of a lookup. Keep in step with tldts:
// the test "special-use names" lists every name of that registry.
const SPECIAL_USE_TLDS = new Set(['test', 'localhost', 'invalid', 'example', 'local', 'onion', 'alt', 'arpa', 'com', 'net', 'org']);

// Findings of the current call. normalizeSiteInput is synchronous and not re-entrant, so one
// module-level collector saves a closure and two arrays per row on the million-row path.
const pendingFlags: SiteFlag[] = [];
const pendingReasons: string[] = [];
function flag(f: SiteFlag, reason: string): void {
  if (!pendingFlags.includes(f)) pendingFlags.push(f);
  pendingReasons.push(reason);
}
const NO_FLAGS: readonly SiteFlag[] = Object.freeze([]);
const NO_REASONS: readonly string[] = Object.freeze([]);
function takeFlags(): readonly SiteFlag[] {
  return pendingFlags.length === 0 ? NO_FLAGS : pendingFlags.slice();
}
function takeReasons(): readonly string[] {
  return pendingReasons.length === 0 ? NO_REASONS : pendingReasons.slice();
}

const TLDTS_PRIVATE = { extractHostname: false, allowPrivateDomains: true } as const;

/**
 * Turn what an investigator typed or a list contained (a URL with any scheme, port, path, query
 * or userinfo; or a bare domain) into the forms the case file stores, with warnings.
 * Throws `DomainInputError` with a stable code for text that is not a website.
 */
export function normalizeSiteInput(raw: string, options: NormalizeSiteOptions = {}): NormalizedSite {
  const text = trimSpace(raw);
  let parts: SiteInputParts;
  if (BARE_NAME.test(text)) {
    parts = { scheme: null, userinfo: null, host: text, port: null, path: null, defanged: false };
  } else {
    checkCharacters(text, raw);
    parts = splitSiteInput(text);
  }

  pendingFlags.length = 0;
  pendingReasons.length = 0;
  if (parts.defanged) flag('defanged', `written defanged; read as ${JSON.stringify(parts.host)}`);
  if (parts.userinfo !== null) {
    flag('userinfo', `the URL puts ${quoteValue(parts.userinfo)} before "@": a browser goes to the host after "@", not to that text`);
  }
  if (parts.path !== null && NON_ASCII.test(parts.path)) {
    reportHiddenCharacters(scanHiddenCharacters(parts.path).found, 'path', flag);
  }

  let host = parts.host;
  if (host.includes('%')) {
    try {
      host = decodeURIComponent(host);
    } catch {
      throw new DomainInputError('INVALID_URL', raw, `${quoteValue(raw)} has a broken percent-escape in its host.`);
    }
    flag('percent-encoded-host', `the host was percent-encoded; decoded to ${quoteValue(host)}`);
  }

  const lastCode = host.charCodeAt(host.length - 1);
  // Only a host ending in a digit, '.' or containing ':' can be an address: skip the check otherwise.
  if ((lastCode >= 0x30 && lastCode <= 0x39) || lastCode === 0x2e || host.includes(':')) {
    const ip = parseIpHost(host, raw);
    if (ip) {
      if (options.allowIp === false) {
        throw new DomainInputError('IP_ADDRESS', raw, `${quoteValue(raw)} is an IP address; a domain name is needed here.`);
      }
      if (ip.nonStandard) flag('non-standard-ip', `${quoteValue(host)} is an unusual way to write the IPv${ip.version} address ${ip.address}`);
      return {
        raw,
        host_kind: 'ip',
        ip_version: ip.version,
        host_ascii: ip.address,
        host_unicode: ip.address,
        registrable_domain: null,
        registrable_domain_unicode: null,
        public_suffix: null,
        subdomain: null,
        private_suffix: null,
        scheme: parts.scheme,
        port: parts.port,
        path: parts.path,
        flags: takeFlags(),
        flagReasons: takeReasons(),
        identity_key: ip.address + (parts.path ?? ''),
      };
    }
  }

  if (host.endsWith('.')) host = host.slice(0, -1);
  const converted = toAsciiHost(host, raw);
  let ascii = converted.ascii;
  let unicode = converted.unicode;
  if (ascii.endsWith('.') && TYPED_WIDE_DOT_END.test(host)) {
    // A trailing full-width or ideographic full stop, mapped to '.' by IDNA.
    ascii = ascii.slice(0, -1);
    unicode = unicode.replace(/\.$/, '');
  }
  reportHiddenCharacters(converted.hidden, 'host', flag);
  if (converted.mapped.length > 0) {
    flag('compatibility-mapped', `IDNA changed characters of the host: ${converted.mapped.join(', ')}`);
  }

  const labelCount = checkLabels(ascii, raw);
  if (labelCount === 1) {
    throw new DomainInputError(
      'NO_PUBLIC_SUFFIX',
      raw,
      `${quoteValue(raw)} is a single label; a website needs a name under a public suffix such as ".com".`,
    );
  }
  const result = parseDomain(ascii, TLDTS_OPTIONS);
  if (result.domain === null || result.publicSuffix === null || result.domainWithoutSuffix === null) {
    throw new DomainInputError(
      'NO_PUBLIC_SUFFIX',
      raw,
      `${quoteValue(raw)} is itself a public suffix (like "co.uk"); enter a name registered under it.`,
    );
  }
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  if (SPECIAL_USE_TLDS.has(tld) && parseDomain(ascii, TLDTS_SPECIAL_USE).isSpecialUse) {
    flag('special-use', `${quoteValue(ascii)} is a special-use name (RFC 6761 and successors: .test, .example, example.com, .local, .onion...), not an ordinary registration`);
  } else if (!result.isIcann) {
    if (!options.allowUnknownTld || !TLD_LABEL.test(tld)) {
      throw new DomainInputError(
        'UNKNOWN_TLD',
        raw,
        `${quoteValue(raw)} ends in ".${tld}", which is not a top-level domain in the Public Suffix List; check the spelling.`,
      );
    }
    flag('unknown-tld', `".${tld}" is not a top-level domain in the Public Suffix List`);
  }
  const beforeSuffix = result.domainWithoutSuffix;
  const registrableLabel = beforeSuffix.slice(beforeSuffix.lastIndexOf('.') + 1);
  if (!REGISTRABLE_LABEL.test(registrableLabel) || (registrableLabel.startsWith('--', 2) && !registrableLabel.startsWith('xn--'))) {
    throw new DomainInputError(
      'INVALID_LABEL',
      raw,
      `${quoteValue(raw)}: ${quoteValue(registrableLabel)} cannot be registered (letters, digits and inner hyphens only, no "--" in 3rd-4th place).`,
    );
  }

  let registrable = result.domain;
  let publicSuffix = result.publicSuffix;
  let subdomain: string | null = result.subdomain || null;
  let privateSuffix: string | null = null;
  if (subdomain !== null) {
    const platform = getPublicSuffix(ascii, TLDTS_PRIVATE);
    if (platform !== null && platform.length > publicSuffix.length && platform !== ascii) {
      privateSuffix = platform;
      flag('platform-subdomain', `the name sits under "${platform}", a platform's suffix: its owner, not a registrar, controls this name`);
      if (options.privateSuffixes) {
        publicSuffix = platform;
        const labels = ascii.split('.');
        registrable = labels.slice(labels.length - countDots(platform) - 2).join('.');
        subdomain = labels.length > countDots(registrable) + 1 ? labels.slice(0, labels.length - countDots(registrable) - 1).join('.') : null;
      }
    }
  }

  // Look-alike checks read the labels a person reads: all but the public suffix, in Unicode.
  let registrableUnicode = registrable;
  if (unicode === ascii) {
    if (beforeSuffix.includes('.')) {
      for (const finding of findLookalikes(beforeSuffix.split('.'))) flag(finding.flag, finding.reason);
    } else {
      const brand = brandImitatedBy(beforeSuffix);
      if (brand !== null) flag('brand-lookalike', brandLookalikeReason(beforeSuffix, brand));
    }
  } else {
    const unicodeLabels = unicode.split('.');
    const suffixLabels = countDots(publicSuffix) + 1;
    for (const finding of findLookalikes(unicodeLabels.slice(0, unicodeLabels.length - suffixLabels))) {
      flag(finding.flag, finding.reason);
    }
    registrableUnicode = unicodeLabels.slice(unicodeLabels.length - suffixLabels - 1).join('.');
  }

  return {
    raw,
    host_kind: 'domain',
    ip_version: null,
    host_ascii: ascii,
    host_unicode: unicode,
    registrable_domain: registrable,
    registrable_domain_unicode: registrableUnicode,
    public_suffix: publicSuffix,
    subdomain,
    private_suffix: privateSuffix,
    scheme: parts.scheme,
    port: parts.port,
    path: parts.path,
    flags: takeFlags(),
    flagReasons: takeReasons(),
    identity_key:
      ascii + (parts.path ?? '') + (converted.hidden.length > 0 ? ` typed:${showHiddenCharacters(host.toLowerCase())}` : ''),
  };
}

function trimSpace(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return raw;
  return raw.replace(EDGE_SPACE, '');
}

function checkCharacters(text: string, raw: string): void {
  if (text === '') throw new DomainInputError('EMPTY', raw, 'No website or domain was given.');
  const control = CONTROL.exec(text);
  if (control) {
    throw new DomainInputError(
      'CONTROL_CHARACTER',
      raw,
      `${quoteValue(raw)} contains the control character ${formatCodePoint(control[0].charCodeAt(0))}; remove it.`,
    );
  }
  if (SPACE.test(text)) {
    throw new DomainInputError('CONTAINS_SPACE', raw, `${quoteValue(raw)} contains a space; a domain or URL cannot.`);
  }
}

function countDots(name: string): number {
  let dots = 0;
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) dots++;
  return dots;
}

// Labels in A-label form: none empty, each <= 63 octets, the name <= 253 (RFC 1035, RFC 2181).
// Scans char codes rather than splitting: no allocation on the common path. Returns the count.
function checkLabels(ascii: string, raw: string): number {
  let count = 0;
  let start = 0;
  for (let i = 0; i <= ascii.length; i++) {
    if (i < ascii.length && ascii.charCodeAt(i) !== 0x2e) continue;
    const length = i - start;
    if (length === 0) {
      throw new DomainInputError('INVALID_LABEL', raw, `${quoteValue(raw)} has an empty label (two dots in a row, or a leading dot).`);
    }
    if (length > 63) {
      throw new DomainInputError(
        'LABEL_TOO_LONG',
        raw,
        `${quoteValue(raw)} has a label of ${length} characters in A-label form (${quoteValue(ascii.slice(start, i), 70)}); the limit is 63.`,
      );
    }
    count++;
    start = i + 1;
  }
  if (ascii.length > 253) {
    throw new DomainInputError('NAME_TOO_LONG', raw, `${quoteValue(raw)} is ${ascii.length} characters long in A-label form; the limit is 253.`);
  }
  return count;
}
