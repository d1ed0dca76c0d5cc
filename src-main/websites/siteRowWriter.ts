import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import type { Website } from '../contract/records';
import type { SiteValueNotTaken } from '../contract/SiteImportReport';
import { decodeRow } from '../records/rowCodec';
import { updateRecord } from '../records/updateRecord';
import { indexForSearch } from '../records/searchIndex';
import type { SiteListRow } from './parseSiteList';
import { hasSearchText, prepareSiteInsert, rowValues, type SiteInsertContext, type SiteInsertStamps } from './prepareSiteInsert';
import { websiteSpec } from './websiteSpec';
import type { RecordSeal, SealedTable } from '../casefile/recordDigest';
import { SealedRowInserter } from '../audit/SealedRowInserter';

const SCALARS = ['registrar', 'registrar_iana_id', 'registry', 'registrant', 'hosting_provider', 'asn', 'role', 'notes', 'first_seen', 'last_seen'] as const;

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
  private readonly websites: SealedRowInserter;
  private readonly statusEvents: SealedRowInserter;
  private readonly context: SiteInsertContext;

  /**
   * The rows written since the last call, for the batch's audit entry: those inserted here with
   * their seals already computed, the others (merged sites, links) to be read and sealed.
   */
  takeWritten(): { written: { table: SealedTable; id: string }[]; sealed: RecordSeal[] } {
    const taken = { written: this.written, sealed: [...this.websites.takeSeals(), ...this.statusEvents.takeSeals()] };
    this.written = [];
    return taken;
  }

  constructor(
    private readonly caseFile: CaseFile,
    private readonly orderId: string | null,
  ) {
    this.websites = new SealedRowInserter(caseFile.db, 'website');
    this.statusEvents = new SealedRowInserter(caseFile.db, 'website_status_event');
    this.context = { now: this.now, actor: caseFile.actor.name, siteColumns: this.websites.columns, eventColumns: this.statusEvents.columns };
  }

  /** Values rows offered that the site already held differently (mergeInto), since the last takeNotTaken(). */
  private notTaken: Omit<SiteValueNotTaken, 'column'>[] = [];

  /** The values not taken since the last call, in the order the rows were written. */
  takeNotTaken(): Omit<SiteValueNotTaken, 'column'>[] {
    const taken = this.notTaken;
    this.notTaken = [];
    return taken;
  }

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
      this.mergeInto(decodeRow(websiteSpec, existing), values, row.fields.status, row.rowNumber);
      this.written.push({ table: 'website', id });
      outcome = 'merged';
    } else {
      id = this.insert(row, values);
      outcome = 'imported';
    }
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

  /** Fresh ids and clock stamps for one inserted site. */
  private newStamps(): SiteInsertStamps {
    const { clock } = this.caseFile;
    return { siteId: newId(), eventId: newId(), siteHlc: clock.tick(), eventHlc: clock.tick() };
  }

  private insert(row: SiteListRow, values: Record<string, unknown>): string {
    const prepared = prepareSiteInsert(row, this.context, this.newStamps(), values);
    this.websites.insertSealed(prepared.site);
    this.statusEvents.insertSealed(prepared.event);
    const id = prepared.site.seal.record_id;
    if (hasSearchText(row, values)) {
      const stored = Object.fromEntries(this.websites.columns.map((c, i) => [c.name, prepared.site.values[i]]));
      indexForSearch(this.caseFile.db, 'website', id, websiteSpec.searchText(decodeRow(websiteSpec, stored))!);
    }
    return id;
  }

  /**
   * Host trigrams for every website row from `fromRowid` on that has none yet, in one statement at
   * the end of an import: measured on 100k generated domains, FTS5 took ~30 us a row when fed one
   * batch per transaction and ~6 us a row in one pass. The NOT EXISTS keeps rows a user added
   * meanwhile (indexed by indexHost) from being indexed twice. The SQL mirrors hostSearchText:
   * change both together.
   */
  indexHostsFrom(fromRowid: number): void {
    prepareCached(
      this.caseFile.db,
      `INSERT INTO host_trigram (rowid, host)
       SELECT w.rowid, CASE WHEN w.host_unicode = w.host_ascii THEN w.host_ascii ELSE w.host_ascii || ' ' || w.host_unicode END
       FROM website w WHERE w.rowid > ? AND NOT EXISTS (SELECT 1 FROM host_trigram t WHERE t.rowid = w.rowid)`,
    ).run(fromRowid);
  }

  /** The highest website rowid now: taken when an import starts, so its new rows can be found after it. */
  lastRowid(): number {
    return (prepareCached(this.caseFile.db, 'SELECT coalesce(max(rowid), 0) FROM website').pluck().get() as number) ?? 0;
  }

  /** The dated lifecycle event a merged row adds (a status the site lacked). */
  private recordImportedStatus(websiteId: string, status: Website['status']): void {
    this.statusEvents.insert({
      id: newId(), website_id: websiteId, status, at: this.now, order_id: null, evidence_id: null, note: 'Imported from a list',
      created_at: this.now, created_by: this.caseFile.actor.name, hlc: this.caseFile.clock.tick(),
    });
  }

  /**
   * Fills what the record lacks and unions lists; never overwrites a value already recorded, and
   * names each value it so left (notTaken), so a corrected list or a repeated row loses nothing unseen.
   */
  private mergeInto(current: Website, values: Record<string, unknown>, status: Website['status'] | null, rowNumber: number): void {
    const patch: Record<string, unknown> = {};
    const notTaken = (field: string, kept: unknown, offered: unknown) =>
      this.notTaken.push({ rowNumber, field, kept: String(kept), offered: String(offered), site: websiteSpec.title(current) });
    for (const key of SCALARS) {
      const offered = values[key];
      if (offered === null || offered === undefined) continue;
      if (key === 'role') {
        // 'other' is the default role: an offered role fills it like an empty field.
        if (current.role === 'other') patch.role = offered;
        else if (offered !== current.role) notTaken('role', current.role, offered);
      } else if (current[key] === null) patch[key] = offered;
      else if (String(current[key]) !== String(offered)) notTaken(key, current[key], offered);
    }
    for (const key of ['name_servers', 'ips'] as const) {
      const union = [...new Set([...current[key], ...(values[key] as string[])])];
      if (union.length !== current[key].length) patch[key] = union;
    }
    if (status && status !== current.status && current.status === 'identified') {
      this.recordImportedStatus(current.id, status);
      patch.status = status;
      patch.status_at = this.now;
    } else if (status && status !== current.status) {
      notTaken('status', current.status, status);
    }
    // One update, so one superseded version in history, whatever the row brought.
    if (Object.keys(patch).length > 0) updateRecord(this.caseFile, websiteSpec, current.id, patch, { skipAudit: true });
  }
}
