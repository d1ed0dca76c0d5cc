import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import type { SiteStatus } from '../contract/enums';
import { DossierError } from '../contract/errors';
import type { Page, Website, WebsiteStatusEvent } from '../contract/records';
import type { websiteCreateSchema, websiteUpdateSchema } from '../contract/schemas';
import { getRecord } from '../records/getRecord';
import { insertRecord } from '../records/insertRecord';
import { type ListOptions, likePattern, listRecords } from '../records/listRecords';
import type { Validated } from '../records/recordService';
import { deleteRecord, updateRecord } from '../records/updateRecord';
import { hostFilterClause, statusFilterClause } from './websiteListClauses';
import { type NormalizedSite, normalizeSiteInput } from './normalizeSiteInput';
import { websiteSpec } from './websiteSpec';
import { storedSiteColumns } from './storedSiteColumns';
import { UNDATED_CREATION_EVENT } from './undatedCreation';

export { storedSiteColumns };

/** The live website with this canonical key, if any: one domain (+ path) is one record. */
export function findWebsiteByKey(caseFile: CaseFile, dedupeKey: string): Website | undefined {
  const raw = prepareCached(caseFile.db, 'SELECT id FROM website WHERE dedupe_key = ? AND deleted_at IS NULL').pluck().get(dedupeKey) as
    | string
    | undefined;
  return raw ? getRecord(caseFile, websiteSpec, raw) : undefined;
}

/** Adds a website from a URL or domain; refuses one already in the case (ALREADY_EXISTS names it). */
export function addWebsite(caseFile: CaseFile, input: Validated<typeof websiteCreateSchema>): Website {
  // Validated once by the caller's boundary (dispatch, the CLI); normalising the name is ours.
  const { input: rawInput, status, status_at: statusAt, ...fields } = input;
  const site = normalizeSiteInput(rawInput);
  return writeTransaction(caseFile, () => {
    const existing = findWebsiteByKey(caseFile, site.identity_key);
    if (existing) {
      throw new DossierError('ALREADY_EXISTS', `${site.host_unicode} is already in this case (id ${existing.id}).`, { id: existing.id });
    }
    const now = statusAt ?? nowIso();
    const stored = insertRecord(caseFile, websiteSpec, {
      ...fields,
      ...storedSiteColumns(site),
      status: status ?? 'identified',
      status_at: now,
    });
    indexHost(caseFile, stored.id, hostSearchText(stored));
    const event = insertStatusEvent(caseFile, stored.id, stored.status, now, {});
    // The first lifecycle event is audited (and sealed) like every later one.
    appendAudit(caseFile, { action: 'website.status_event', recordKind: 'website', recordId: stored.id, detail: { event: event.id, status: stored.status, at: now }, seal: [{ table: 'website_status_event', id: event.id }] });
    return stored;
  });
}

/** The text the host trigram index holds for a website: both forms of an IDN. */
export function hostSearchText(site: { host_ascii: string; host_unicode: string }): string {
  return site.host_unicode === site.host_ascii ? site.host_ascii : `${site.host_ascii} ${site.host_unicode}`;
}

/** Keeps the trigram index of host names in step with the website row (same rowid). */
export function indexHost(caseFile: CaseFile, websiteId: string, hostText: string): void {
  prepareCached(caseFile.db, 'INSERT INTO host_trigram (rowid, host) SELECT rowid, ? FROM website WHERE id = ?').run(hostText, websiteId);
}

/** Appends a dated event to a website's lifecycle without moving its current status (callers that do move it use setWebsiteStatus). */
/** What a lifecycle event points at: the order naming the site, the exhibit proving it, a note. */
export interface StatusEventRefs {
  orderId?: string | null;
  evidenceId?: string | null;
  note?: string | null;
}

export function insertStatusEvent(
  caseFile: CaseFile,
  websiteId: string,
  status: SiteStatus,
  at: string,
  refs: StatusEventRefs,
): WebsiteStatusEvent {
  const event: WebsiteStatusEvent = {
    id: newId(),
    website_id: websiteId,
    status,
    at,
    order_id: refs.orderId ?? null,
    evidence_id: refs.evidenceId ?? null,
    note: refs.note ?? null,
    created_at: nowIso(),
    created_by: caseFile.actor.name,
    hlc: caseFile.clock.tick(),
  };
  prepareCached(
    caseFile.db,
    `INSERT INTO website_status_event (id, website_id, status, at, order_id, evidence_id, note, created_at, created_by, hlc)
     VALUES (@id, @website_id, @status, @at, @order_id, @evidence_id, @note, @created_at, @created_by, @hlc)`,
  ).run(event);
  return event;
}

/**
 * A dated lifecycle event that leaves the site's current status as it is (evidence captured of a
 * site already further along), audited and sealed like every status event: an event without its
 * audit entry would read as written behind the app's back.
 */
export function recordStatusEvent(
  caseFile: CaseFile,
  websiteId: string,
  status: SiteStatus,
  at: string,
  refs: StatusEventRefs,
): WebsiteStatusEvent {
  return writeTransaction(caseFile, () => {
    const event = insertStatusEvent(caseFile, websiteId, status, at, refs);
    appendAudit(caseFile, { action: 'website.status_event', recordKind: 'website', recordId: websiteId, detail: { event: event.id, status, at }, seal: [{ table: 'website_status_event', id: event.id }] });
    return event;
  });
}

/**
 * Moves a website along its legal lifecycle; every change is a dated event, history kept. An
 * event dated before a later-dated one already recorded (the service of an order entered after
 * the registry's confirmation) goes into the history in its place and leaves the current status
 * as the later fact set it: the site was not moved back. The site's first event is left out of
 * that comparison, since it is dated when the site was entered unless a date was given.
 */
export function setWebsiteStatus(
  caseFile: CaseFile,
  websiteId: string,
  status: SiteStatus,
  options: { at?: string; orderId?: string | null; evidenceId?: string | null; note?: string | null } = {},
): Website {
  return writeTransaction(caseFile, () => {
    const at = options.at ?? nowIso();
    if (laterLifecycleFact(caseFile, websiteId, at)) {
      recordStatusEvent(caseFile, websiteId, status, at, options);
      return getRecord(caseFile, websiteSpec, websiteId);
    }
    const event = insertStatusEvent(caseFile, websiteId, status, at, options);
    const updated = updateRecord(caseFile, websiteSpec, websiteId, { status, status_at: at }, { auditAction: 'website.status' });
    appendAudit(caseFile, { action: 'website.status_event', recordKind: 'website', recordId: websiteId, detail: { event: event.id, status, at }, seal: [{ table: 'website_status_event', id: event.id }] });
    return updated;
  });
}

/**
 * A lifecycle event of the site dated after `at`, in history order. The site's first event counts
 * only when it was given a date (`site add --status-date`): undated, it is dated when the site was
 * entered (its `at` within seconds of its own `created_at`), which is no fact about the site
 * (UNDATED_CREATION_EVENT, shared with a merge's duplicate settlement).
 */
function laterLifecycleFact(caseFile: CaseFile, websiteId: string, at: string): boolean {
  return (
    prepareCached(
      caseFile.db,
      `SELECT 1 FROM website_status_event e WHERE e.website_id = @site AND e.at > @at AND NOT ${UNDATED_CREATION_EVENT} LIMIT 1`,
    ).get({ site: websiteId, at }) !== undefined
  );
}

export function websiteStatusHistory(caseFile: CaseFile, websiteId: string): WebsiteStatusEvent[] {
  return prepareCached(caseFile.db, 'SELECT * FROM website_status_event WHERE website_id = ? ORDER BY at, created_at, id').all(
    websiteId,
  ) as WebsiteStatusEvent[];
}

export function updateWebsite(caseFile: CaseFile, id: string, patch: Validated<typeof websiteUpdateSchema>, expectedHlc?: string): Website {
  return updateRecord(caseFile, websiteSpec, id, patch, expectedHlc ? { expectedHlc } : {});
}

export function deleteWebsite(caseFile: CaseFile, id: string): void {
  writeTransaction(caseFile, () => {
    prepareCached(caseFile.db, 'DELETE FROM host_trigram WHERE rowid = (SELECT rowid FROM website WHERE id = ?)').run(id);
    deleteRecord(caseFile, websiteSpec, id);
  });
}

/** Lifecycle questions counsel ask of a takedown. */
export const LIFECYCLE_VIEWS = ['awaiting_confirmation', 'expiring_soon'] as const;
export type LifecycleView = (typeof LIFECYCLE_VIEWS)[number];

export interface WebsiteListOptions extends ListOptions {
  status?: SiteStatus | undefined;
  /** Only websites an order covers. */
  orderId?: string | undefined;
  /**
   * awaiting_confirmation: named in an order or served, transfer/hold not yet confirmed;
   * expiring_soon: confirmed, registration expiring within `withinDays` (default 30).
   */
  lifecycle?: LifecycleView | undefined;
  withinDays?: number | undefined;
}

/**
 * The "expiring soon" rule, in one place for the site list, the CLI and the overview: confirmed
 * (transferred or on hold) and the registration expires within `withinDays` (default 30) or already has.
 */
export function expiringSoonCondition(withinDays = 30): { sql: string; params: unknown[] } {
  const horizon = new Date(Date.now() + withinDays * 86_400_000).toISOString();
  return { sql: "status IN ('transfer_confirmed', 'hold_confirmed') AND expires_at IS NOT NULL AND expires_at <= ?", params: [horizon] };
}

/** A page of websites; a host filter of 3+ characters uses the trigram index, never a table scan. */
export function listWebsites(caseFile: CaseFile, options: WebsiteListOptions = {}): Page<Website> {
  return listRecords(caseFile, websiteSpec, websiteListOptions(caseFile, options));
}

/** The generic list options a website list comes down to (its filters as WHERE clauses). */
export function websiteListOptions(caseFile: CaseFile, options: WebsiteListOptions): ListOptions {
  const where = [...(options.where ?? [])];
  if (options.status) where.push(statusFilterClause(caseFile.db, options.status, options.sort));
  if (options.orderId) {
    where.push({ sql: "id IN (SELECT to_id FROM link WHERE from_id = ? AND relation = 'covers' AND deleted_at IS NULL)", params: [options.orderId] });
  }
  if (options.lifecycle === 'awaiting_confirmation') {
    where.push({ sql: "status IN ('named_in_order', 'served')", params: [] });
  } else if (options.lifecycle === 'expiring_soon') {
    where.push(expiringSoonCondition(options.withinDays));
  }
  const filter = options.filter?.trim().toLowerCase();
  if (filter) where.push(hostFilterClause(caseFile.db, filter, options.sort));
  return { ...options, filter: undefined, where };
}

export function getWebsite(caseFile: CaseFile, id: string, options?: { includeDeleted?: boolean }): Website {
  return getRecord(caseFile, websiteSpec, id, options);
}
