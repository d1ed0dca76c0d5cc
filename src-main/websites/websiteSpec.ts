import type { Website } from '../contract/records';
import type { RecordSpec } from '../records/RecordSpec';

export const websiteSpec: RecordSpec<Website> = {
  kind: 'website',
  table: 'website',
  writable: ['raw_input', 'dedupe_key', 'host_kind', 'host_unicode', 'host_ascii', 'registrable_domain', 'public_suffix',
    'url_path', 'flags', 'flag_reasons', 'registrar', 'registrar_iana_id', 'registry', 'registrant', 'name_servers', 'ips',
    'hosting_provider', 'asn', 'role', 'status', 'status_at', 'expires_at', 'notes', 'first_seen', 'last_seen'],
  jsonColumns: ['flags', 'flag_reasons', 'name_servers', 'ips'],
  sortable: { host: 'host_ascii', status: 'status', created: 'created_at', expires: "coalesce(expires_at, '')", registrar: "coalesce(registrar, '')" },
  filterColumns: ['host_ascii', 'host_unicode'],
  title: (row) => (row.url_path ? `${row.host_unicode}${row.url_path}` : row.host_unicode),
  subtitle: (row) => [row.role.replace(/_/g, ' '), row.status.replace(/_/g, ' '), row.registrar].filter(Boolean).join(' · '),
  searchText: websiteSearchText,
};

/** The fields a website's search text is made of. */
export type SearchedSiteFields = Pick<
  Website,
  'host_unicode' | 'host_ascii' | 'url_path' | 'registrable_domain' | 'raw_input' | 'registrar' | 'registry' | 'registrant' | 'hosting_provider' | 'asn' | 'role' | 'notes' | 'ips' | 'name_servers'
>;

/** What search finds a website by: its host and path (title), and everything else said about it (body). */
export function websiteSearchText(row: SearchedSiteFields): { title: string; body: string } {
  return {
    title: [row.host_unicode, row.host_ascii !== row.host_unicode ? row.host_ascii : null, row.url_path].filter(Boolean).join(' '),
    body: [row.registrable_domain, row.raw_input.trim().toLowerCase() !== row.host_ascii ? row.raw_input : null, row.registrar, row.registry, row.registrant, row.hosting_provider, row.asn,
      row.role.replace(/_/g, ' '), row.notes, row.ips.join(' '), row.name_servers.join(' ')]
      .filter(Boolean)
      .join('\n'),
  };
}
