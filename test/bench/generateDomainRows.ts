/**
 * Deterministic website/domain strings for benchmarks and large-import tests: the same (n, seed)
 * gives the same rows on every machine. Not product code, so it lives with the benches.
 *
 * The mix follows what takedown lists hold: mostly plain .com/.net names, some subdomains,
 * multi-label suffixes (.co.uk, .com.au), IDNs in Unicode and A-label form, DGA-looking names of
 * botnets, full URLs, and a little sloppiness (upper case, trailing dots) that normalisation must
 * absorb. Every row is valid input for `normalizeSiteInput`.
 */

const WORDS = [
  'captcha', 'solver', 'mail', 'box', 'hot', 'any', 'none', 'rock', 'first', 'account', 'secure',
  'login', 'verify', 'cloud', 'fast', 'bulk', 'shop', 'market', 'pay', 'token', 'proxy', 'bot',
  'farm', 'sms', 'phone', 'cheap', 'best', 'global', 'net', 'data', 'link', 'hub', 'zone', 'click',
  'online', 'service', 'support', 'update', 'office', 'portal', 'web', 'host', 'node', 'relay',
];
const PLAIN_TLDS = ['com', 'com', 'com', 'com', 'net', 'net', 'org', 'info', 'io', 'me', 'biz', 'xyz', 'top', 'ru', 'de', 'cc'];
const MULTI_SUFFIXES = ['co.uk', 'org.uk', 'com.au', 'net.au', 'co.jp', 'com.br', 'co.nz', 'com.cn', 'co.za', 'com.tr'];
const SUBDOMAINS = ['www', 'mail', 'login', 'cdn', 'api', 'secure', 'portal', 'app', 'm', 'panel'];
const IDN_LABELS = ['bücher', 'münchen', 'café', 'straße', 'ñandú', 'пример', 'сайт', '例え', 'テスト', 'δοκιμή', 'מבחן', 'испытание'];
const IDN_TLDS = ['com', 'de', 'net', 'рф', 'jp', 'org'];
const DGA_TLDS = ['com', 'net', 'info', 'top', 'xyz', 'ru', 'biz', 'cn'];
const PATHS = ['/', '/login', '/api/v1/solve', '/account/create?ref=42', '/index.php?id=7&x=y', '/#/pay'];
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

// mulberry32: tiny, fast, good enough for test data, and identical everywhere.
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* generateDomainRows(n: number, seed: number): Generator<string> {
  const random = makeRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chars = (alphabet: string, min: number, max: number): string => {
    const len = min + Math.floor(random() * (max - min + 1));
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(random() * alphabet.length)];
    return s;
  };
  // A readable name: two or three words, sometimes hyphenated or with a number.
  const wordName = (): string => {
    const parts = [pick(WORDS), pick(WORDS)];
    if (random() < 0.3) parts.push(pick(WORDS));
    let name = parts.join(random() < 0.2 ? '-' : '');
    if (random() < 0.25) name += String(Math.floor(random() * 1000));
    return name;
  };

  for (let i = 0; i < n; i++) {
    const r = random();
    let row: string;
    if (r < 0.5) {
      row = `${wordName()}.${pick(PLAIN_TLDS)}`;
    } else if (r < 0.6) {
      row = `${pick(SUBDOMAINS)}.${wordName()}.${pick(PLAIN_TLDS)}`;
    } else if (r < 0.68) {
      row = `${random() < 0.3 ? 'www.' : ''}${wordName()}.${pick(MULTI_SUFFIXES)}`;
    } else if (r < 0.72) {
      row = `${pick(IDN_LABELS)}${Math.floor(random() * 100)}.${pick(IDN_TLDS)}`;
    } else if (r < 0.74) {
      // The same kind of IDN, already in A-label form as registries and WHOIS print it.
      row = new URL(`http://${pick(IDN_LABELS)}${Math.floor(random() * 100)}.${pick(IDN_TLDS)}/`).hostname;
    } else if (r < 0.9) {
      row = `${chars(LOWER, 1, 1)}${chars(ALNUM, 9, 19)}.${pick(DGA_TLDS)}`;
    } else if (r < 0.97) {
      row = `${random() < 0.8 ? 'https' : 'http'}://${random() < 0.4 ? 'www.' : ''}${wordName()}.${pick(PLAIN_TLDS)}${pick(PATHS)}`;
    } else {
      const name = `${wordName()}.${pick(PLAIN_TLDS)}`;
      row = random() < 0.5 ? name.toUpperCase() : `${name}.`;
    }
    yield row;
  }
}
