import { isIPv4, isIPv6 } from 'node:net';
import { DomainInputError } from './DomainInputError';
import { normalizeIsoDate } from './normalizeIsoDate';
import { normalizeSiteInput } from './normalizeSiteInput';
import { SiteFieldError } from './SiteFieldError';

import { SITE_ROLES, SITE_STATUSES, type SiteRole, type SiteStatus } from '../contract/enums';

export { SITE_ROLES, SITE_STATUSES, type SiteRole, type SiteStatus };

/** Columns a site list can map to. `site` is the URL or domain (`--map col=url` or `col=domain`). */
export const SITE_LIST_FIELDS = [
  'site',
  'status',
  'registrar',
  'registrar_iana_id',
  'registry',
  'registrant',
  'name_servers',
  'ips',
  'hosting_provider',
  'asn',
  'role',
  'notes',
  'first_seen',
  'last_seen',
] as const;
export type SiteListField = (typeof SITE_LIST_FIELDS)[number];

/** The validated values of one list row besides the site itself. Empty cells are null / []. */
export interface SiteFields {
  status: SiteStatus | null;
  registrar: string | null;
  registrar_iana_id: number | null;
  registry: string | null;
  registrant: string | null;
  /** A-label host names, lower case, de-duplicated, in the order given. */
  name_servers: string[];
  /** Canonical IPv4/IPv6 text, de-duplicated, in the order given. */
  ips: string[];
  hosting_provider: string | null;
  asn: number | null;
  role: SiteRole | null;
  notes: string | null;
  /** `YYYY-MM-DD`, or a UTC timestamp `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
  first_seen: string | null;
  last_seen: string | null;
  /** Columns no field was mapped to, by header: kept so an import loses nothing. */
  extra: Record<string, string>;
}

// Cells holding several values: `;`, ',' or whitespace between them (neither names nor
// addresses contain any of these).
const LIST_SEPARATORS = /[;,\s]+/;

const STATUS_SET: ReadonlySet<string> = new Set(SITE_STATUSES);
const ROLE_SET: ReadonlySet<string> = new Set(SITE_ROLES);

function enumKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Read one status cell: case, spaces and hyphens are forgiven (`Named in order`). */
export function parseSiteStatus(text: string): SiteStatus {
  if (STATUS_SET.has(text)) return text as SiteStatus; // the common, exact spelling
  const key = enumKey(text);
  if ((SITE_STATUSES as readonly string[]).includes(key)) return key as SiteStatus;
  throw new SiteFieldError('INVALID_STATUS', 'status', text, `status ${JSON.stringify(text)} is not one of: ${SITE_STATUSES.join(', ')}.`);
}

/** Read one role cell: case, spaces and hyphens are forgiven (`CAPTCHA service`). */
export function parseSiteRole(text: string): SiteRole {
  if (ROLE_SET.has(text)) return text as SiteRole;
  const key = enumKey(text);
  if ((SITE_ROLES as readonly string[]).includes(key)) return key as SiteRole;
  throw new SiteFieldError('INVALID_ROLE', 'role', text, `role ${JSON.stringify(text)} is not one of: ${SITE_ROLES.join(', ')}.`);
}

function parseIanaId(text: string): number {
  const value = text.trim();
  if (!/^\d{1,9}$/.test(value)) {
    throw new SiteFieldError(
      'INVALID_IANA_ID',
      'registrar_iana_id',
      text,
      `registrar_iana_id ${JSON.stringify(text)} is not an IANA registrar id (digits only, e.g. 146).`,
    );
  }
  return Number(value);
}

function parseAsn(text: string): number {
  const m = /^(?:AS\s*)?(\d{1,10})$/i.exec(text.trim());
  if (!m || Number(m[1]) > 4294967295) {
    throw new SiteFieldError('INVALID_ASN', 'asn', text, `asn ${JSON.stringify(text)} is not an AS number (e.g. AS13335 or 13335).`);
  }
  return Number(m[1]);
}

function parseIps(text: string): string[] {
  const ips: string[] = [];
  for (const item of text.split(LIST_SEPARATORS)) {
    if (item === '') continue;
    let ip: string;
    if (isIPv4(item)) ip = item;
    else if (isIPv6(item) && !item.includes('%')) ip = new URL(`http://[${item}]/`).hostname.slice(1, -1);
    else throw new SiteFieldError('INVALID_IP', 'ips', text, `ips: ${JSON.stringify(item)} is not an IPv4 or IPv6 address.`);
    if (!ips.includes(ip)) ips.push(ip);
  }
  return ips;
}

function parseNameServers(text: string): string[] {
  const servers: string[] = [];
  for (const item of text.split(LIST_SEPARATORS)) {
    if (item === '') continue;
    let host: string;
    try {
      const site = normalizeSiteInput(item.replace(/\.$/, ''), { allowIp: false });
      if (site.path !== null || site.scheme !== null) throw new Error('not a bare name');
      host = site.host_ascii;
    } catch (error) {
      const why = error instanceof DomainInputError ? error.message : 'a name server is a bare host name';
      throw new SiteFieldError('INVALID_NAME_SERVER', 'name_servers', text, `name_servers: ${JSON.stringify(item)} is not a host name (${why}).`);
    }
    if (!servers.includes(host)) servers.push(host);
  }
  return servers;
}

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The fields of a row that has only a site (plain lists). */
export function emptySiteFields(): SiteFields {
  return {
    status: null,
    registrar: null,
    registrar_iana_id: null,
    registry: null,
    registrant: null,
    name_servers: [],
    ips: [],
    hosting_provider: null,
    asn: null,
    role: null,
    notes: null,
    first_seen: null,
    last_seen: null,
    extra: {},
  };
}

/**
 * Validate the cells of one row (by field; the site cell is handled by `normalizeSiteInput`).
 * Throws `SiteFieldError` for the first bad value. Text fields are trimmed and kept as written,
 * including cells that look like spreadsheet formulas (`=HYPERLINK(...)`): they are data here;
 * escaping them is the job of whatever later writes a CSV.
 */
export function readSiteFields(cells: Partial<Record<SiteListField, string>>, extra: Record<string, string> = {}): SiteFields {
  const value = (field: SiteListField): string | null => text(cells[field]);
  const status = value('status');
  const role = value('role');
  const iana = value('registrar_iana_id');
  const asn = value('asn');
  const ips = value('ips');
  const nameServers = value('name_servers');
  const firstSeen = value('first_seen');
  const lastSeen = value('last_seen');
  const first = firstSeen === null ? null : normalizeIsoDate(firstSeen, 'first_seen');
  const last = lastSeen === null ? null : normalizeIsoDate(lastSeen, 'last_seen');
  // ISO strings compare in time order (a bare date sorts before any time on that day).
  if (first !== null && last !== null && first.slice(0, last.length) > last) {
    throw new SiteFieldError(
      'INVALID_DATE',
      'last_seen',
      lastSeen!,
      `last_seen ${JSON.stringify(lastSeen)} is before first_seen ${JSON.stringify(firstSeen)}; are the columns swapped?`,
    );
  }
  return {
    status: status === null ? null : parseSiteStatus(status),
    registrar: value('registrar'),
    registrar_iana_id: iana === null ? null : parseIanaId(iana),
    registry: value('registry'),
    registrant: value('registrant'),
    name_servers: nameServers === null ? [] : parseNameServers(nameServers),
    ips: ips === null ? [] : parseIps(ips),
    hosting_provider: value('hosting_provider'),
    asn: asn === null ? null : parseAsn(asn),
    role: role === null ? null : parseSiteRole(role),
    notes: value('notes'),
    first_seen: first,
    last_seen: last,
    extra,
  };
}
