import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { CaseOverview, Expiry, OrderAwaitingService } from '../contract/CaseOverview';
import { expiringSoonCondition } from '../websites/websiteService';

/**
 * Orders that still need serving: drafted, filed or granted, with no service date recorded.
 * `order add --served D` records served_at and leaves the status "granted"; the timeline then
 * shows "Order served", so the overview must not call that order unserved.
 */
const AWAITING_SERVICE = "status IN ('draft', 'filed', 'granted') AND served_at IS NULL AND deleted_at IS NULL";

/**
 * An order expires soon by the same horizon as a domain: it is in force (granted or served) and
 * its expiry date is within `withinDays` or already passed.
 */
function orderExpiringSoon(withinDays: number): { sql: string; params: unknown[] } {
  const { params } = expiringSoonCondition(withinDays);
  return { sql: "status IN ('granted', 'served') AND expires_at IS NOT NULL AND expires_at <= ?", params };
}

/**
 * What the overview shows, counted by the case file: the first `limit` of each list and the true
 * totals (an index-backed count, never the latest N rows filtered in the window).
 */
export function caseOverview(caseFile: CaseFile, options: { withinDays?: number | undefined; limit?: number | undefined } = {}): CaseOverview {
  const withinDays = options.withinDays ?? 30;
  const limit = options.limit ?? 8;
  const db = caseFile.db;
  const sites = expiringSoonCondition(withinDays);
  const orders = orderExpiringSoon(withinDays);
  const siteWhere = `deleted_at IS NULL AND ${sites.sql}`;
  const orderWhere = `deleted_at IS NULL AND ${orders.sql}`;
  const expiring = prepareCached(
    db,
    `SELECT kind, id, title, date FROM (
       SELECT 'website' AS kind, id, host_unicode AS title, expires_at AS date FROM website WHERE ${siteWhere}
       UNION ALL
       SELECT 'order' AS kind, id, title, expires_at AS date FROM court_order WHERE ${orderWhere}
     ) ORDER BY date, id LIMIT ?`,
  ).all(...sites.params, ...orders.params, limit) as Expiry[];
  const count = (sql: string, params: unknown[]) => (prepareCached(db, sql).get(...params) as { n: number }).n;
  const expiringTotal = count(`SELECT count(*) AS n FROM website WHERE ${siteWhere}`, sites.params) + count(`SELECT count(*) AS n FROM court_order WHERE ${orderWhere}`, orders.params);
  const awaitingService = prepareCached(
    db,
    `SELECT id, title, status FROM court_order WHERE ${AWAITING_SERVICE} ORDER BY coalesce(granted_at, filed_at, '') DESC, id DESC LIMIT ?`,
  ).all(limit) as OrderAwaitingService[];
  const awaitingServiceTotal = count(`SELECT count(*) AS n FROM court_order WHERE ${AWAITING_SERVICE}`, []);
  return { withinDays, expiring, expiringTotal, awaitingService, awaitingServiceTotal };
}
