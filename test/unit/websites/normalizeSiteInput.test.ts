import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../../../src-main/websites/DomainInputError';
import { normalizeSiteInput } from '../../../src-main/websites/normalizeSiteInput';

function errorOf(raw: string, options = {}): DomainInputError {
  try {
    normalizeSiteInput(raw, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainInputError);
    return error as DomainInputError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('normalizeSiteInput: forms of a name', () => {
  it('takes a bare domain: lower case, trailing dot removed, raw kept exactly', () => {
    const site = normalizeSiteInput('  HotmailBox.ME. ');
    expect(site).toMatchObject({
      raw: '  HotmailBox.ME. ',
      host_kind: 'domain',
      host_ascii: 'hotmailbox.me',
      host_unicode: 'hotmailbox.me',
      registrable_domain: 'hotmailbox.me',
      public_suffix: 'me',
      subdomain: null,
      path: null,
      scheme: null,
      flags: [],
    });
  });

  it('round-trips an IDN between U-label and A-label, under a reserved test TLD', () => {
    const unicode = normalizeSiteInput('bücher.example');
    const ascii = normalizeSiteInput('xn--bcher-kva.example');
    for (const site of [unicode, ascii]) {
      expect(site.host_ascii).toBe('xn--bcher-kva.example');
      expect(site.host_unicode).toBe('bücher.example');
      expect(site.registrable_domain).toBe('xn--bcher-kva.example');
      expect(site.registrable_domain_unicode).toBe('bücher.example');
      expect(site.public_suffix).toBe('example');
      expect(site.flags).toContain('special-use');
    }
    expect(unicode.identity_key).toBe(ascii.identity_key);
    expect(normalizeSiteInput('BÜCHER.example').host_ascii).toBe('xn--bcher-kva.example');
  });

  // Every name of the IANA special-use registry as tldts lists it (tldts-core is-special-use.ts);
  // normalizeSiteInput only asks tldts for names under these TLDs, so keep this list complete.
  it('special-use names: accepted and flagged', () => {
    const names = ['a.test', 'a.localhost', 'a.invalid', 'a.example', 'example.com', 'www.example.net', 'example.org', 'printer.local', 'abc.onion', 'x.alt'];
    names.push('router.home.arpa', 'x.ipv4only.arpa', 'x.resolver.arpa', 'x.service.arpa', 'x.6tisch.arpa', 'x.eap.arpa');
    for (const name of names) {
      expect(normalizeSiteInput(name).flags, name).toContain('special-use');
    }
    expect(normalizeSiteInput('microsoft.com').flags).not.toContain('special-use');
  });

  it('finds registrable domain and subdomain under multi-label suffixes', () => {
    expect(normalizeSiteInput('a.b.co.uk')).toMatchObject({ registrable_domain: 'b.co.uk', public_suffix: 'co.uk', subdomain: 'a' });
    expect(normalizeSiteInput('x.y.shop.com.au')).toMatchObject({ registrable_domain: 'shop.com.au', public_suffix: 'com.au', subdomain: 'x.y' });
  });

  it('keeps www. as a subdomain', () => {
    expect(normalizeSiteInput('www.anycaptcha.com')).toMatchObject({ host_ascii: 'www.anycaptcha.com', registrable_domain: 'anycaptcha.com', subdomain: 'www' });
  });

  it('takes URLs with any scheme, userinfo, port, path and query', () => {
    const site = normalizeSiteInput('HTTPS://user:pw@www.Rockcaptcha.com:8443/api/solve?key=1#top');
    expect(site).toMatchObject({
      scheme: 'https',
      port: 8443,
      host_ascii: 'www.rockcaptcha.com',
      registrable_domain: 'rockcaptcha.com',
      path: '/api/solve?key=1#top',
      identity_key: 'www.rockcaptcha.com/api/solve?key=1#top',
    });
    expect(site.flags).toContain('userinfo');
    expect(normalizeSiteInput('ftp://files.1stcaptcha.com/').path).toBeNull();
    expect(normalizeSiteInput('git+ssh://git@code.nonecaptcha.com/repo.git')).toMatchObject({ scheme: 'git+ssh', path: '/repo.git' });
    expect(normalizeSiteInput('anycaptcha.com/pricing')).toMatchObject({ scheme: null, path: '/pricing' });
    expect(normalizeSiteInput('//anycaptcha.com/x').path).toBe('/x');
  });

  it('flags the classic userinfo deception: the host is what follows @', () => {
    const site = normalizeSiteInput('http://microsoft.com@evil-login.com/');
    expect(site.host_ascii).toBe('evil-login.com');
    expect(site.flags).toEqual(['userinfo']);
    expect(site.flagReasons[0]).toContain('microsoft.com');
  });

  it('refangs defanged indicators and says so', () => {
    const site = normalizeSiteInput('hxxps://anycaptcha[.]com/api');
    expect(site).toMatchObject({ host_ascii: 'anycaptcha.com', scheme: 'https', path: '/api', flags: ['defanged'] });
    expect(normalizeSiteInput('evil(.)com').host_ascii).toBe('evil.com');
    expect(normalizeSiteInput('evil[dot]co[.]uk').registrable_domain).toBe('evil.co.uk');
  });

  it('decodes a percent-encoded host and flags it', () => {
    const site = normalizeSiteInput('http://%65vil.com/');
    expect(site.host_ascii).toBe('evil.com');
    expect(site.flags).toContain('percent-encoded-host');
  });

  it('treats a private (platform) suffix as a subdomain by default, and flags it', () => {
    const site = normalizeSiteInput('evil.blogspot.com');
    expect(site).toMatchObject({ registrable_domain: 'blogspot.com', public_suffix: 'com', subdomain: 'evil', private_suffix: 'blogspot.com' });
    expect(site.flags).toContain('platform-subdomain');
    const platform = normalizeSiteInput('evil.blogspot.com', { privateSuffixes: true });
    expect(platform).toMatchObject({ registrable_domain: 'evil.blogspot.com', public_suffix: 'blogspot.com', subdomain: null });
    expect(normalizeSiteInput('a.evil.github.io', { privateSuffixes: true })).toMatchObject({ registrable_domain: 'evil.github.io', subdomain: 'a' });
  });
});

describe('normalizeSiteInput: IP hosts', () => {
  it('accepts IPv4 and IPv6 as host kind ip with no registrable domain', () => {
    expect(normalizeSiteInput('104.21.4.1')).toMatchObject({ host_kind: 'ip', ip_version: 4, host_ascii: '104.21.4.1', registrable_domain: null, public_suffix: null });
    expect(normalizeSiteInput('http://[2606:4700:3033:0:0:0:6815:401]:8080/x')).toMatchObject({
      host_kind: 'ip',
      ip_version: 6,
      host_ascii: '2606:4700:3033::6815:401',
      port: 8080,
      path: '/x',
    });
    expect(normalizeSiteInput('2001:DB8::1').host_ascii).toBe('2001:db8::1');
  });

  it('canonicalises IPv4 written to confuse, as a browser would, and flags it', () => {
    for (const raw of ['0x7f.1', '2130706433', 'http://0177.0.0.1/']) {
      const site = normalizeSiteInput(raw);
      expect(site.host_ascii, raw).toBe('127.0.0.1');
      expect(site.flags, raw).toContain('non-standard-ip');
    }
  });

  it('rejects bad addresses, and IPs when the caller wants a domain', () => {
    expect(errorOf('1.2.3.999').code).toBe('INVALID_IP');
    expect(errorOf('foo.123').code).toBe('INVALID_IP');
    expect(errorOf('[fe80::1%25eth0]').code).toBe('INVALID_IP');
    expect(errorOf('104.21.4.1', { allowIp: false }).code).toBe('IP_ADDRESS');
  });
});

describe('normalizeSiteInput: hidden characters are flagged, never merged silently', () => {
  // DESIGN.md: Node maps these to example.com (or '') without a word.
  it('shows the Node behaviour this guards against', () => {
    expect(domainToASCII('ex\u00ADample.com')).toBe('example.com');
    expect(domainToASCII('exa\u200Bmple.com')).toBe('example.com');
    expect(domainToASCII('exa\u202Emple.com')).toBe('');
  });

  it.each([
    ['soft hyphen', 'ex\u00ADample.com', 'invisible-characters', 'U+00AD SOFT HYPHEN'],
    ['zero-width space', 'exa\u200Bmple.com', 'invisible-characters', 'U+200B ZERO WIDTH SPACE'],
    ['zero-width joiner', 'exa\u200Dmple.com', 'invisible-characters', 'U+200D ZERO WIDTH JOINER'],
    ['word joiner', 'exa\u2060mple.com', 'invisible-characters', 'U+2060 WORD JOINER'],
    ['BOM inside', 'exa\uFEFFmple.com', 'invisible-characters', 'U+FEFF'],
    ['right-to-left override', 'exa\u202Emple.com', 'bidi-control', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['left-to-right mark', 'example\u200E.com', 'bidi-control', 'U+200E LEFT-TO-RIGHT MARK'],
  ])('%s', (_, raw, flag, named) => {
    const clean = normalizeSiteInput('example.com');
    const site = normalizeSiteInput(raw);
    expect(site.raw).toBe(raw);
    expect(site.host_ascii).toBe('example.com');
    expect(site.flags).toContain(flag);
    expect(site.flagReasons.join(' ')).toContain(named);
    expect(site.identity_key).not.toBe(clean.identity_key);
    expect(site.identity_key).toMatch(/^example\.com typed:.*<U\+[0-9A-F]{4}>/);
  });

  it('keeps a leading or trailing BOM (not whitespace) and flags it', () => {
    const site = normalizeSiteInput('\uFEFFexample.com');
    expect(site.flags).toContain('invisible-characters');
  });

  it('flags hidden characters in the path too', () => {
    expect(normalizeSiteInput('https://anycaptcha.com/lo\u200Bgin').flags).toContain('invisible-characters');
  });

  it('rejects an A-label that hides an invisible character', () => {
    // 'ex\u00ADample' encoded by hand: IDNA refuses to decode it.
    expect(errorOf('xn--example-mka.com').code).toBe('INVALID_LABEL');
  });

  it('flags IDNA compatibility mappings (full-width letters, ideographic full stop)', () => {
    const site = normalizeSiteInput('ｅｘａｍｐｌｅ。com');
    expect(site.host_ascii).toBe('example.com');
    expect(site.flags).toContain('compatibility-mapped');
    expect(site.identity_key).toBe('example.com');
  });
});

describe('normalizeSiteInput: look-alikes', () => {
  it('flags mixed scripts within a label (Latin + Cyrillic о)', () => {
    const site = normalizeSiteInput('micr\u043Esoft.com');
    expect(site.flags).toEqual(expect.arrayContaining(['mixed-script', 'brand-lookalike']));
    expect(site.flagReasons.join(' ')).toContain('Cyrillic and Latin');
  });

  it('flags the brief example аррlе (Cyrillic а р р е with a Latin l)', () => {
    expect(normalizeSiteInput('\u0430\u0440\u0440l\u0435.com').flags).toEqual(expect.arrayContaining(['mixed-script', 'brand-lookalike']));
  });

  it('flags a whole-script confusable: every letter Cyrillic, reads as Latin', () => {
    const site = normalizeSiteInput('\u0430\u0440\u0440\u04CF\u0435.com'); // аррӏе
    expect(site.host_ascii).toBe('xn--80ak6aa92e.com');
    expect(site.flags).toEqual(expect.arrayContaining(['whole-script-confusable', 'brand-lookalike']));
    expect(site.flagReasons.join(' ')).toContain('reads as "apple"');
  });

  it('does not flag ordinary words of other scripts or normal script mixes', () => {
    for (const name of ['пример.рф', 'испытание.com', '例え.jp', '日本語abc.jp', 'bücher.de', 'δοκιμή.gr', 'münchen.de']) {
      expect(normalizeSiteInput(name).flags, name).toEqual([]);
    }
  });

  it.each([
    ['micros0ft.com', 'microsoft'],
    ['rnicrosoft.com', 'microsoft'],
    ['rnicrosoft-login.net', 'microsoft'],
    ['login.micros0ft-support.com', 'microsoft'],
    ['0utlook.com', 'outlook'],
    ['hotrnail.com', 'hotmail'],
    ['outlook-1ive.com', 'live'],
    ['0ffice365.com', 'office365'],
    ['0ffice-login.com', 'office'],
    ['paypa1.com', 'paypal'],
    ['PAYPAI.com', 'paypal'],
    ['app1e.com', 'apple'],
    ['g00gle.com', 'google'],
    ['arnazon.com', 'amazon'],
  ])('flags %s as imitating %s', (raw, brand) => {
    const site = normalizeSiteInput(raw);
    expect(site.flags).toContain('brand-lookalike');
    expect(site.flagReasons.join(' ')).toContain(`"${brand}"`);
  });

  it.each(['microsoft.com', 'outlook.live.com', 'hotmailbox.me', 'olive.com', 'delivery.com', 'office-depot.com', 'googleapis.com', 'modern.com', 'live.com', 'apple.com'])(
    'does not flag %s',
    (raw) => {
      expect(normalizeSiteInput(raw).flags).not.toContain('brand-lookalike');
    },
  );
});

describe('normalizeSiteInput: rejects garbage with a stable code and the value in the message', () => {
  it.each([
    ['', 'EMPTY'],
    ['   \t ', 'EMPTY'],
    ['evil .com', 'CONTAINS_SPACE'],
    ['evil\u00A0.com', 'CONTAINS_SPACE'],
    ['evil\u0000.com', 'CONTROL_CHARACTER'],
    ['evil..com', 'INVALID_LABEL'],
    ['.evil.com', 'INVALID_LABEL'],
    ['evil.com..', 'INVALID_LABEL'],
    ['-evil.com', 'INVALID_LABEL'],
    ['evil-.com', 'INVALID_LABEL'],
    ['ev--il.com', 'INVALID_LABEL'],
    ['ev_il.com', 'INVALID_LABEL'],
    ['ev*il.com', 'INVALID_LABEL'],
    ['=HYPERLINK("x")', 'INVALID_LABEL'],
    ['xn--zz.com', 'INVALID_LABEL'],
    [`${'a'.repeat(64)}.com`, 'LABEL_TOO_LONG'],
    [`${'ü'.repeat(60)}.com`, 'LABEL_TOO_LONG'],
    [`${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.com`, 'NAME_TOO_LONG'],
    ['localhost', 'NO_PUBLIC_SUFFIX'],
    ['com', 'NO_PUBLIC_SUFFIX'],
    ['co.uk', 'NO_PUBLIC_SUFFIX'],
    ['evil.bit', 'UNKNOWN_TLD'],
    ['evil.notatld', 'UNKNOWN_TLD'],
    ['user@evil.com', 'INVALID_URL'],
    ['evil.com:99999', 'INVALID_URL'],
    ['evil.com:http', 'INVALID_URL'],
    ['https:///path', 'INVALID_URL'],
    ['http://[::1/', 'INVALID_URL'],
    ['mailto:someone@evil.com', 'INVALID_URL'],
  ])('%j -> %s', (raw, code) => {
    const error = errorOf(raw);
    expect(error.code).toBe(code);
    expect(error.value).toBe(raw);
    if (raw.trim() !== '') expect(error.message).toContain(JSON.stringify(raw).slice(1, 6));
  });

  it('accepts a label of exactly 63 octets and a name of exactly 253', () => {
    expect(normalizeSiteInput(`${'a'.repeat(63)}.com`).host_ascii).toHaveLength(67);
    const name = `${['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(57)].join('.')}.com`;
    expect(name).toHaveLength(253);
    expect(normalizeSiteInput(name).host_ascii).toBe(name);
  });

  it('accepts subdomain labels that DNS allows but registries do not (_ and edge hyphens)', () => {
    expect(normalizeSiteInput('_dmarc.evil.com').subdomain).toBe('_dmarc');
    expect(normalizeSiteInput('r3---sn-abc.googlevideo.com').subdomain).toBe('r3---sn-abc');
  });

  it('accepts an unknown TLD only when asked, flagged', () => {
    const site = normalizeSiteInput('evil.bit', { allowUnknownTld: true });
    expect(site).toMatchObject({ registrable_domain: 'evil.bit', public_suffix: 'bit', flags: ['unknown-tld'] });
  });
});
