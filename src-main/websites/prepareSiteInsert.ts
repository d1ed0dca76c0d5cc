import { type SealedValues, sealedValues, type TableColumn } from '../audit/SealedRowInserter';
import type { SiteListRow } from './SiteRowReader';
import { storedSiteColumns } from './storedSiteColumns';
import { needsFullTextEntry } from './siteSearchEntry';
import type { Website } from '../contract/records';

/** What every site an import inserts shares: its time, its author, the tables' columns. Plain data. */
export interface SiteInsertContext {
  now: string;
  actor: string;
  siteColumns: readonly TableColumn[];
  eventColumns: readonly TableColumn[];
}

/** The ids and clock stamps of one inserted site and its first status event. */
export interface SiteInsertStamps {
  siteId: string;
  eventId: string;
  siteHlc: string;
  eventHlc: string;
}

/** A list row as a new website row and its 'Imported from a list' status event, each sealed. */
export interface PreparedSiteInsert {
  site: SealedValues;
  event: SealedValues;
}

/** A list row's values in stored form; unmapped columns are kept in the notes so nothing is lost. */
export function rowValues(row: SiteListRow): Record<string, unknown> {
  const f = row.fields;
  const extra = Object.entries(f.extra).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`);
  const notes = [f.notes, ...extra].filter(Boolean).join('\n') || null;
  return {
    registrar: f.registrar,
    registrar_iana_id: f.registrar_iana_id === null ? null : String(f.registrar_iana_id),
    registry: f.registry,
    registrant: f.registrant,
    hosting_provider: f.hosting_provider,
    asn: f.asn === null ? null : String(f.asn),
    role: f.role,
    notes,
    first_seen: f.first_seen,
    last_seen: f.last_seen,
    name_servers: f.name_servers,
    ips: f.ips,
  };
}


/** Whether a new site has more to search than its host name (the trigram index has that): needsFullTextEntry. */
export function hasSearchText(row: SiteListRow, values: Record<string, unknown> = rowValues(row)): boolean {
  const site = storedSiteColumns(row.normalized);
  const text = (key: string) => (values[key] ?? null) as string | null;
  return needsFullTextEntry({
    host_unicode: site.host_unicode, host_ascii: site.host_ascii, url_path: site.url_path, registrable_domain: site.registrable_domain,
    raw_input: site.raw_input, registrar: text('registrar'), registry: text('registry'), registrant: text('registrant'),
    hosting_provider: text('hosting_provider'), asn: text('asn'), role: (values.role ?? 'other') as Website['role'], notes: text('notes'),
    ips: values.ips as string[], name_servers: values.name_servers as string[],
  });
}

/**
 * The website row and status event an import inserts for a new site, with their seals. Pure
 * (plain data in and out), so it could run on another thread; measured, sending the prepared rows
 * back cost the writer about what it saved (siteNormalizeWorker), so the writer calls it.
 */
export function prepareSiteInsert(
  row: SiteListRow,
  context: SiteInsertContext,
  stamps: SiteInsertStamps,
  values: Record<string, unknown> = rowValues(row),
): PreparedSiteInsert {
  const { now, actor } = context;
  const site = storedSiteColumns(row.normalized);
  const status = row.fields.status ?? 'identified';
  const stored: Record<string, unknown> = {
    id: stamps.siteId, raw_input: site.raw_input, dedupe_key: site.dedupe_key, host_kind: site.host_kind, host_unicode: site.host_unicode,
    host_ascii: site.host_ascii, registrable_domain: site.registrable_domain, public_suffix: site.public_suffix, url_path: site.url_path,
    flags: JSON.stringify(site.flags), flag_reasons: JSON.stringify(site.flag_reasons), registrar: values.registrar,
    registrar_iana_id: values.registrar_iana_id, registry: values.registry, registrant: values.registrant,
    name_servers: JSON.stringify(values.name_servers), ips: JSON.stringify(values.ips), hosting_provider: values.hosting_provider,
    asn: values.asn, role: values.role ?? 'other', status, status_at: now, expires_at: null, notes: values.notes,
    first_seen: values.first_seen, last_seen: values.last_seen, created_at: now, created_by: actor, updated_at: now,
    updated_by: actor, hlc: stamps.siteHlc, deleted_at: null,
  };
  const event = {
    id: stamps.eventId, website_id: stamps.siteId, status, at: now, order_id: null, evidence_id: null, note: 'Imported from a list',
    created_at: now, created_by: actor, hlc: stamps.eventHlc,
  };
  return { site: sealedValues('website', context.siteColumns, stored), event: sealedValues('website_status_event', context.eventColumns, event) };
}
