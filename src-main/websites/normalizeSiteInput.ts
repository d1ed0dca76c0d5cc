import { domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { DossierError } from '../contract/errors';

/** A website as entered, with its canonical forms. (Interim version; the full normaliser replaces it.) */
export interface NormalizedSite {
  raw: string;
  hostKind: 'domain' | 'ip';
  hostUnicode: string;
  hostAscii: string;
  registrableDomain: string | null;
  publicSuffix: string | null;
  path: string | null;
  flags: string[];
  dedupeKey: string;
}

export function normalizeSiteInput(raw: string): NormalizedSite {
  const trimmed = raw.trim();
  if (!trimmed) throw new DossierError('INVALID_DOMAIN', 'The website is empty.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    throw new DossierError('INVALID_DOMAIN', `"${raw}" is not a domain or URL.`);
  }
  const hostAscii = url.hostname.replace(/\.$/, '').toLowerCase();
  const parsed = parse(hostAscii);
  const path = url.pathname !== '/' || url.search ? `${url.pathname}${url.search}` : null;
  return {
    raw,
    hostKind: parsed.isIp ? 'ip' : 'domain',
    hostUnicode: domainToUnicode(hostAscii) || hostAscii,
    hostAscii,
    registrableDomain: parsed.domain,
    publicSuffix: parsed.publicSuffix,
    path,
    flags: [],
    dedupeKey: `${hostAscii}${path ?? ''}`,
  };
}
