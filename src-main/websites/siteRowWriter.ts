import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import type { Website } from '../contract/records';
import { decodeRow } from '../records/rowCodec';
import { updateRecord } from '../records/updateRecord';
import { indexForSearch } from '../records/searchIndex';
import type { SiteListRow } from './parseSiteList';
import { storedSiteColumns } from './websiteService';
import { websiteSpec } from './websiteSpec';
import type { SealedTable } from '../casefile/recordDigest';

const SCALARS = ['registrar', 'registrar_iana_id', 'registry', 'registrant', 'hosting_provider', 'asn', 'role', 'notes', 'first_seen', 'last_seen'] as const;

/** A list row's values in stored form; unmapped columns are kept in the notes so nothing is lost. */
function rowValues(row: SiteListRow): Record<string, unknown> {
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

/**
 * Writes the rows of one import batch on the bulk path: prepared statements, no per-row audit
 * (the import writes one entry), search text only when a row has more than its host name (hosts
 * are found through the trigram index). Call inside the batch's transaction.
 */
export class SiteRowWriter {
  private readonly now = nowIso();
  /**
   * Every row written since the last takeWritten(): the import seals them in one audit entry per
   * batch (migration 0050), since a bulk import writes no audit entry per row.
   */
  private written: { table: SealedTable; id: string }[] = [];

  /** The rows written since the last call, for the batch's audit entry. */
  takeWritten(): { table: SealedTable; id: string }[] {
    const taken = this.written;
    this.written = [];
    return taken;
  }

  constructor(
    private readonly caseFile: CaseFile,
    private readonly orderId: string | null,
  ) {}

  /** Inserts a new website, or merges the row into the live one with the same identity. */
  write(row: SiteListRow): 'imported' | 'merged' {
    const { db } = this.caseFile;
    const existing = prepareCached(db, 'SELECT * FROM website WHERE dedupe_key = ? AND deleted_at IS NULL').get(row.normalized.identity_key) as
      | Record<string, unknown>
      | undefined;
    const values = rowValues(row);
    let id: string;
    let outcome: 'imported' | 'merged';
    if (existing) {
      id = String(existing.id);
      this.mergeInto(decodeRow(websiteSpec, existing), values, row.fields.status);
      outcome = 'merged';
    } else {
      id = this.insert(row, values);
      outcome = 'imported';
    }
    this.written.push({ table: 'website', id });
    if (this.orderId) {
      const linkId = newId();
      const linked = prepareCached(
        db,
        `INSERT INTO link (id, from_kind, from_id, to_kind, to_id, relation, created_at, created_by, updated_at, updated_by, hlc)
         SELECT ?, 'order', ?, 'website', ?, 'covers', ?, ?, ?, ?, ?
         WHERE NOT EXISTS (SELECT 1 FROM link WHERE from_id = ? AND to_id = ? AND relation = 'covers' AND deleted_at IS NULL)`,
      ).run(linkId, this.orderId, id, this.now, this.caseFile.actor.name, this.now, this.caseFile.actor.name, this.caseFile.clock.tick(), this.orderId, id);
      if (linked.changes > 0) this.written.push({ table: 'link', id: linkId });
    }
    return outcome;
  }

  private insert(row: SiteListRow, values: Record<string, unknown>): string {
    const { db, actor, clock } = this.caseFile;
    const site = storedSiteColumns(row.normalized);
    const status = row.fields.status ?? 'identified';
    const id = newId();
    // Positional binding in a fixed column order: named binding of ~30 columns per row measured
    // as a large share of the bulk path's time.
    prepareCached(
      db,
      `INSERT INTO website (id, raw_input, dedupe_key, host_kind, host_unicode, host_ascii, registrable_domain, public_suffix,
         url_path, flags, flag_reasons, registrar, registrar_iana_id, registry, registrant, name_servers, ips, hosting_provider, asn, role,
         status, status_at, notes, first_seen, last_seen, created_at, created_by, updated_at, updated_by, hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, site.raw_input, site.dedupe_key, site.host_kind, site.host_unicode, site.host_ascii, site.registrable_domain,
      site.public_suffix, site.url_path, JSON.stringify(site.flags), JSON.stringify(site.flag_reasons), values.registrar, values.registrar_iana_id, values.registry,
      values.registrant, JSON.stringify(values.name_servers), JSON.stringify(values.ips), values.hosting_provider, values.asn,
      values.role ?? 'other', status, this.now, values.notes, values.first_seen, values.last_seen, this.now, actor.name, this.now,
      actor.name, clock.tick(),
    );
    this.recordImportedStatus(id, status);
    if (SCALARS.some((k) => k !== 'role' && values[k] !== null) || site.flags.length > 0) {
      const stored = prepareCached(db, 'SELECT * FROM website WHERE id = ?').get(id) as Record<string, unknown>;
      indexForSearch(db, 'website', id, websiteSpec.searchText(decodeRow(websiteSpec, stored))!);
    }
    return id;
  }

  /**
   * Host trigrams for the rows inserted since `afterRowid`, in one statement per batch rather than
   * one call per row. The SQL mirrors hostSearchText: change both together.
   */
  indexHostsAfter(afterRowid: number): void {
    prepareCached(
      this.caseFile.db,
      `INSERT INTO host_trigram (rowid, host)
       SELECT rowid, CASE WHEN host_unicode = host_ascii THEN host_ascii ELSE host_ascii || ' ' || host_unicode END
       FROM website WHERE rowid > ?`,
    ).run(afterRowid);
  }

  /** The highest website rowid now, taken before a batch so its new rows can be found after it. */
  lastRowid(): number {
    return (prepareCached(this.caseFile.db, 'SELECT coalesce(max(rowid), 0) FROM website').pluck().get() as number) ?? 0;
  }

  /** The dated lifecycle event a list row sets (a site's first status, or a status it lacked). */
  private recordImportedStatus(websiteId: string, status: Website['status']): void {
    const id = newId();
    prepareCached(
      this.caseFile.db,
      `INSERT INTO website_status_event (id, website_id, status, at, note, created_at, created_by, hlc) VALUES (?, ?, ?, ?, 'Imported from a list', ?, ?, ?)`,
    ).run(id, websiteId, status, this.now, this.now, this.caseFile.actor.name, this.caseFile.clock.tick());
    this.written.push({ table: 'website_status_event', id });
  }

  /** Fills what the record lacks and unions lists; never overwrites a value already recorded. */
  private mergeInto(current: Website, values: Record<string, unknown>, status: Website['status'] | null): void {
    const patch: Record<string, unknown> = {};
    for (const key of SCALARS) {
      if (values[key] !== null && values[key] !== undefined && current[key] === null) patch[key] = values[key];
    }
    if (current.role === 'other' && values.role) patch.role = values.role;
    for (const key of ['name_servers', 'ips'] as const) {
      const union = [...new Set([...current[key], ...(values[key] as string[])])];
      if (union.length !== current[key].length) patch[key] = union;
    }
    if (status && status !== current.status && current.status === 'identified') {
      this.recordImportedStatus(current.id, status);
      patch.status = status;
      patch.status_at = this.now;
    }
    // One update, so one superseded version in history, whatever the row brought.
    if (Object.keys(patch).length > 0) updateRecord(this.caseFile, websiteSpec, current.id, patch, { skipAudit: true });
  }
}
