import { SITE_LIST_FIELDS, type SiteListField } from './siteFields';
import { SiteListError } from './SiteListError';

/** `--map` entries: a column (header name, or 1-based number) to a field. */
export type ColumnMapping = ReadonlyArray<{ column: string; field: SiteListField }>;

/** How the columns of one file were read. */
export interface SiteListColumns {
  /** The header cells, or `column_1`... for a file without a header row. */
  names: string[];
  /** 0-based index of the URL/domain column. */
  site: number;
  /** 0-based index -> field, for every mapped column but the site. */
  fields: ReadonlyMap<number, Exclude<SiteListField, 'site'>>;
  /** Columns kept as `extra`, under their header (or `column_N` when blank or repeated). */
  extra: Array<{ index: number; name: string }>;
}

// Header spellings seen in registrar exports, threat-intel feeds and hand-made sheets, compared
// after lower-casing and dropping everything but letters and digits ("Registrar IANA ID").
const SYNONYMS: Readonly<Record<string, SiteListField>> = {
  domain: 'site', domainname: 'site', domains: 'site', url: 'site', urls: 'site', uri: 'site', host: 'site',
  hostname: 'site', website: 'site', websites: 'site', site: 'site', fqdn: 'site', link: 'site',
  indicator: 'site', ioc: 'site',
  status: 'status', state: 'status', sitestatus: 'status', takedownstatus: 'status',
  registrar: 'registrar', registrarname: 'registrar', sponsoringregistrar: 'registrar',
  registrarianaid: 'registrar_iana_id', ianaid: 'registrar_iana_id', iana: 'registrar_iana_id', registrarid: 'registrar_iana_id',
  registry: 'registry', registryoperator: 'registry', tldoperator: 'registry',
  registrant: 'registrant', registrantname: 'registrant', registrantorganization: 'registrant',
  registrantorganisation: 'registrant', owner: 'registrant',
  nameservers: 'name_servers', nameserver: 'name_servers', ns: 'name_servers', dns: 'name_servers',
  ips: 'ips', ip: 'ips', ipaddress: 'ips', ipaddresses: 'ips', addresses: 'ips', arecords: 'ips',
  hostingprovider: 'hosting_provider', hosting: 'hosting_provider', hoster: 'hosting_provider',
  hostprovider: 'hosting_provider', isp: 'hosting_provider',
  asn: 'asn', as: 'asn', asnumber: 'asn',
  role: 'role', type: 'role', category: 'role', function: 'role',
  notes: 'notes', note: 'notes', comment: 'notes', comments: 'notes', description: 'notes', remarks: 'notes',
  firstseen: 'first_seen', firstobserved: 'first_seen',
  lastseen: 'last_seen', lastobserved: 'last_seen',
};

function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The field a header name means by default, or null. */
export function fieldForHeader(name: string): SiteListField | null {
  return SYNONYMS[headerKey(name)] ?? null;
}

/**
 * Parse `--map col=field` specs. `field` is one of SITE_LIST_FIELDS, or `url`/`domain` for the
 * site column; `col` is a header name (case-insensitive) or a 1-based column number.
 */
export function parseColumnMapping(specs: readonly string[]): ColumnMapping {
  return specs.map((spec) => {
    const eq = spec.lastIndexOf('=');
    const column = spec.slice(0, eq).trim();
    const fieldName = spec.slice(eq + 1).trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (eq < 0 || column === '' || fieldName === '') {
      throw new SiteListError('BAD_COLUMN_MAP', null, `--map ${JSON.stringify(spec)} should read column=field, e.g. "Web Site=url".`);
    }
    const field = fieldName === 'url' || fieldName === 'domain' ? 'site' : fieldName;
    if (!(SITE_LIST_FIELDS as readonly string[]).includes(field)) {
      throw new SiteListError(
        'BAD_COLUMN_MAP',
        null,
        `--map ${JSON.stringify(spec)}: ${JSON.stringify(fieldName)} is not a field; use one of url, domain, ${SITE_LIST_FIELDS.slice(1).join(', ')}.`,
      );
    }
    return { column, field: field as SiteListField };
  });
}

/**
 * Decide which column holds what. Explicit mappings win; other columns are matched by header
 * synonyms; when two columns could fill one field the first one does and the rest stay `extra`.
 */
export function resolveSiteListColumns(names: readonly string[], mapping: ColumnMapping = []): SiteListColumns {
  refuseRepeatedFieldColumns(names, mapping);
  const byIndex = new Map<number, SiteListField>();
  const taken = new Set<SiteListField>();
  for (const { column, field } of mapping) {
    let index = names.findIndex((n) => n.trim().toLowerCase() === column.toLowerCase());
    if (index < 0 && /^\d+$/.test(column)) index = Number(column) - 1;
    if (index < 0 || index >= names.length) {
      throw new SiteListError(
        'BAD_COLUMN_MAP',
        null,
        `--map: no column ${JSON.stringify(column)} in this file; its columns are ${names.map((n) => JSON.stringify(n)).join(', ')}.`,
      );
    }
    if (taken.has(field) || byIndex.has(index)) {
      throw new SiteListError('BAD_COLUMN_MAP', null, `--map: ${JSON.stringify(column)} or field "${field}" is mapped twice.`);
    }
    byIndex.set(index, field);
    taken.add(field);
  }
  names.forEach((name, index) => {
    if (byIndex.has(index)) return;
    const field = fieldForHeader(name);
    if (field !== null && !taken.has(field)) {
      byIndex.set(index, field);
      taken.add(field);
    }
  });

  let site = -1;
  const fields = new Map<number, Exclude<SiteListField, 'site'>>();
  const extra: Array<{ index: number; name: string }> = [];
  names.forEach((name, index) => {
    const field = byIndex.get(index);
    if (field === 'site') site = index;
    else if (field !== undefined) fields.set(index, field);
    else {
      const unique = name.trim() !== '' && names.filter((n) => n.trim() === name.trim()).length === 1;
      extra.push({ index, name: unique ? name.trim() : `column_${index + 1}` });
    }
  });
  if (site < 0) {
    throw new SiteListError(
      'NO_SITE_COLUMN',
      1,
      `No column holds the websites: the header has ${names.map((n) => JSON.stringify(n)).join(', ')}. Name one "domain" or "url", or map it with --map "<column>=url".`,
    );
  }
  return { names: [...names], site, fields, extra };
}

/**
 * A header naming a field's column twice ("Domain,Domain,Registrar") is refused: only the first
 * would be read as the field and the other kept aside, so a row's second domain or registrar would
 * silently not be taken. Repeated names no field takes stay (each is kept under its position).
 */
function refuseRepeatedFieldColumns(names: readonly string[], mapping: ColumnMapping): void {
  const mapped = new Set(mapping.map((m) => m.column.trim().toLowerCase()));
  const first = new Map<string, number>();
  names.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (key === '') return;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    if (fieldForHeader(name) === null && !mapped.has(key)) return;
    throw new SiteListError(
      'DUPLICATE_COLUMN',
      1,
      `The header names ${JSON.stringify(name.trim())} twice (columns ${earlier + 1} and ${index + 1}): which one holds the ${fieldForHeader(name) ?? 'mapped field'} cannot be told. Rename or remove one of them and import again.`,
    );
  });
}
