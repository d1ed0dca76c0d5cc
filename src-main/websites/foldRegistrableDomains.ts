import { domainToUnicode } from 'node:url';
import type { AppendixDomain } from '../contract/DossierApi';
import type { AppendixRow } from './appendix';
import { CONFUSABLE_LATIN, toLatinLookalike } from './confusables';

/** One row of Appendix A: a domain a registry can act on, with what the order named under it (shared with the UI). */
export type RegistrableEntry = AppendixDomain;

/** Stored website flags shown in the appendix, in words a registry reads. Others (import details) are not. */
const FLAG_WORDS: Record<string, string> = {
  'mixed-script': 'mixed script',
  'whole-script-confusable': 'whole-script look-alike',
  'brand-lookalike': 'brand look-alike',
  'platform-subdomain': 'platform subdomain',
};

/**
 * Folds the order's websites (rows sorted by registry, registrar, registrable domain: see
 * iterateAppendix) into one entry per registrable domain, the unit a registry can suspend or
 * transfer: www.example.com, api.example.com/x and example.com become one row "example.com" with
 * the other two listed under it. Registry and registrar are the registrable domain's (the same on
 * all its rows), so a domain is never split over two rows. Streams: holds one entry at a time.
 */
export function* foldRegistrableDomains(rows: Iterable<AppendixRow>): IterableIterator<RegistrableEntry> {
  let current: RegistrableEntry | null = null;
  let key = '';
  for (const row of rows) {
    const registrable = row.registrable_domain ?? row.host_ascii;
    const k = `${row.registry}\u0000${row.registrar}\u0000${registrable}`;
    if (current && k !== key) {
      yield finish(current);
      current = null;
    }
    if (!current) {
      key = k;
      const unicode = domainToUnicode(registrable) || registrable;
      current = {
        registry: row.registry,
        registrar: row.registrar,
        registrar_iana_id: row.registrar_iana_id,
        domain_ascii: registrable,
        domain_unicode: unicode,
        host_kind: row.registrable_domain == null && row.host_kind === 'ip' ? 'ip' : 'domain',
        flags: [],
        folded: [],
        registrants: [],
        statuses: [],
        website_ids: [],
      };
    }
    current.registrar_iana_id ??= row.registrar_iana_id;
    const named = `${row.host_unicode}${row.url_path ?? ''}`;
    if (named !== current.domain_unicode && !current.folded.includes(named)) current.folded.push(named);
    for (const flag of parseFlags(row.flags)) if (FLAG_WORDS[flag] && !current.flags.includes(FLAG_WORDS[flag])) current.flags.push(FLAG_WORDS[flag]);
    if (row.registrant && !current.registrants.includes(row.registrant)) current.registrants.push(row.registrant);
    if (!current.statuses.includes(row.status)) current.statuses.push(row.status);
    current.website_ids.push(row.website_id);
  }
  if (current) yield finish(current);
}

/** Flags read from the name itself (IDN, mixed script, look-alike of X) first, then the stored ones. */
function finish(entry: RegistrableEntry): RegistrableEntry {
  const own: string[] = [];
  if (entry.domain_ascii.split('.').some((l) => l.startsWith('xn--'))) own.push('IDN');
  const labels = entry.domain_unicode.split('.');
  const name = labels.slice(0, -1).join('.');
  if (entry.flags.includes('mixed script') || (name !== '' && hasMixedScripts(name))) own.push('mixed script');
  // A look-alike maps at least one letter of another script onto Latin (accents alone do not count).
  if ([...name].some((ch) => CONFUSABLE_LATIN[ch] !== undefined)) {
    const latin = `${labels.slice(0, -1).map(toLatinLookalike).join('.')}.${labels[labels.length - 1]}`;
    if (/^[a-z0-9.-]+$/.test(latin) && latin !== entry.domain_unicode) own.push(`look-alike of ${latin}`);
  }
  entry.flags = [...own, ...entry.flags.filter((f) => !own.includes(f))];
  return entry;
}

function hasMixedScripts(text: string): boolean {
  const scripts = new Set<string>();
  for (const ch of text) {
    if (/\p{Script=Latin}/u.test(ch)) scripts.add('Latin');
    else if (/\p{Script=Cyrillic}/u.test(ch)) scripts.add('Cyrillic');
    else if (/\p{Script=Greek}/u.test(ch)) scripts.add('Greek');
    else if (/\p{Script=Armenian}/u.test(ch)) scripts.add('Armenian');
    else if (/\p{L}/u.test(ch)) scripts.add('Other');
  }
  return scripts.size > 1;
}

function parseFlags(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}
