import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';

/** A WHERE clause of a website list, as listRecords takes it. */
export interface WhereClause {
  sql: string;
  params: unknown[];
}

/**
 * A filtered first page has two good plans, and which one depends on how many rows match:
 * - few matches: read just those rows and sort them (each row read costs ~1.5 microseconds with
 *   its page cached, ~5 when not, on a quiet machine; 64 KiB pages, ~30 columns);
 * - many: walk the sort order's covering index (migration 0060) testing each entry, and stop when
 *   the page is full (about page size x rows / matches entries).
 * SQLite has no statistics to choose between them, so the clauses below count the matches up to
 * this bound first (a cheap index or trigram probe) and write the condition so that SQLite takes
 * the right plan: a unary `+` keeps it from driving the query from the filter. 1000 keeps either
 * plan to a few milliseconds on 1M rows. test/unit/websites/websiteListPlans.test.ts checks plans.
 */
const FEW_MATCHES = 1000;

/** The list's sort key; for 'host' the host index answers prefix filters in order already. */
export type WebsiteSortKey = string | undefined;

/**
 * In host order the index walk is quick only if matches come early, and matches of a trigram
 * filter cluster where many hosts start with the filter: on 1M generated hosts, the 7,200
 * containing "xn--" nearly all start with it, so the walk read ~900k entries before the first
 * (42 ms), where reading the 7,200 and sorting them took 4 ms. So when at least half the matches
 * start with the filter (a range count on the host index) and there are at most
 * CLUSTER_READ_MAX of them, they are read and sorted instead. Other sort orders are not related
 * to the host text and keep the walk.
 */
const CLUSTER_READ_MAX = 10_000;

/**
 * "Host contains `filter`" (trimmed, lower-cased). 1-2 characters: a prefix range on host_ascii
 * (a LIKE cannot use the binary index and read every row); 3 or more: the host trigram index.
 */
export function hostFilterClause(db: Database.Database, filter: string, sort: WebsiteSortKey): WhereClause {
  if ([...filter].length < 3) {
    const bounds = [filter, prefixUpperBound(filter)];
    if (sort === undefined || sort === 'host') return { sql: 'host_ascii >= ? AND host_ascii < ?', params: bounds };
    const matches = countUpTo(db, 'SELECT 1 FROM website WHERE deleted_at IS NULL AND host_ascii >= ? AND host_ascii < ?', bounds);
    const column = matches < FEW_MATCHES ? 'host_ascii' : '+host_ascii';
    return { sql: `${column} >= ? AND ${column} < ?`, params: bounds };
  }
  const match = `"${filter.replace(/"/g, '""')}"`;
  // In host order one count (up to CLUSTER_READ_MAX) answers both questions below.
  const hostOrder = sort === undefined || sort === 'host';
  const matches = countUpTo(db, 'SELECT 1 FROM host_trigram WHERE host_trigram MATCH ?', [match], hostOrder ? CLUSTER_READ_MAX : FEW_MATCHES);
  const read = matches < FEW_MATCHES || (hostOrder && clusteredAtPrefix(db, filter, matches));
  const rowid = read ? 'rowid' : '+rowid';
  return { sql: `${rowid} IN (SELECT rowid FROM host_trigram WHERE host_trigram MATCH ?)`, params: [match] };
}

/** "In lifecycle state `status`": by the status index, unless many match and the sort is another column. */
export function statusFilterClause(db: Database.Database, status: string, sort: WebsiteSortKey): WhereClause {
  if (sort === undefined || sort === 'host' || sort === 'status') return { sql: 'status = ?', params: [status] };
  const matches = countUpTo(db, 'SELECT 1 FROM website WHERE deleted_at IS NULL AND status = ?', [status]);
  return { sql: matches < FEW_MATCHES ? 'status = ?' : '+status = ?', params: [status] };
}

function countUpTo(db: Database.Database, select: string, params: unknown[], bound = FEW_MATCHES): number {
  return prepareCached(db, `SELECT count(*) FROM (${select} LIMIT ${bound})`).pluck().get(...params) as number;
}

/** True when fewer than CLUSTER_READ_MAX hosts contain `filter` (`matches`, counted up to it) and at least half of them start with it. */
function clusteredAtPrefix(db: Database.Database, filter: string, matches: number): boolean {
  if (matches >= CLUSTER_READ_MAX) return false;
  const startingWith = countUpTo(db, 'SELECT 1 FROM website WHERE deleted_at IS NULL AND host_ascii >= ? AND host_ascii < ?', [filter, prefixUpperBound(filter)], matches);
  return startingWith * 2 >= matches;
}

/** The smallest string above every string that starts with `prefix` (binary order of code units). */
function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}
