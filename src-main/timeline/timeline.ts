import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { Page, TimelineEntry } from '../contract/records';
import { decodeCursor, encodeCursor } from '../casefile/pageCursor';

/**
 * Every dated fact of the case as one ordered stream. Each branch names the fact in words; the
 * `uid` makes the order total so keyset paging never skips or repeats an entry.
 */
const TIMELINE_SQL = `
  SELECT acquired_at AS at, 'evidence' AS kind, id AS record_id, 'evidence' AS record_kind,
         exhibit_label || ': ' || title AS title, 'Evidence acquired' AS what, id || ':acq' AS uid
    FROM evidence WHERE deleted_at IS NULL AND acquired_at IS NOT NULL
  UNION ALL
  SELECT c.at, 'custody', e.id, 'evidence', e.exhibit_label || ': ' || e.title,
         'Custody: ' || c.action || CASE WHEN c.result <> 'ok' THEN ' (' || c.result || ')' ELSE '' END, c.id
    FROM custody_event c JOIN evidence e ON e.id = c.evidence_id WHERE e.deleted_at IS NULL
  UNION ALL
  SELECT s.at, 'status', w.id, 'website', w.host_unicode, 'Status: ' || replace(s.status, '_', ' '), s.id
    FROM website_status_event s JOIN website w ON w.id = s.website_id WHERE w.deleted_at IS NULL
  UNION ALL
  SELECT first_seen, 'website', id, 'website', host_unicode, 'First seen', id || ':first'
    FROM website WHERE deleted_at IS NULL AND first_seen IS NOT NULL
  UNION ALL
  SELECT last_seen, 'website', id, 'website', host_unicode, 'Last seen', id || ':last'
    FROM website WHERE deleted_at IS NULL AND last_seen IS NOT NULL
  UNION ALL
  SELECT filed_at, 'order', id, 'order', title, 'Order filed', id || ':filed' FROM court_order WHERE deleted_at IS NULL AND filed_at IS NOT NULL
  UNION ALL
  SELECT granted_at, 'order', id, 'order', title, 'Order granted', id || ':granted' FROM court_order WHERE deleted_at IS NULL AND granted_at IS NOT NULL
  UNION ALL
  SELECT served_at, 'order', id, 'order', title, 'Order served', id || ':served' FROM court_order WHERE deleted_at IS NULL AND served_at IS NOT NULL
  UNION ALL
  SELECT expires_at, 'order', id, 'order', title, 'Order expires', id || ':expires' FROM court_order WHERE deleted_at IS NULL AND expires_at IS NOT NULL
  UNION ALL
  SELECT created_at, 'note', id, 'note', title, 'Note written by ' || created_by, id || ':note' FROM note WHERE deleted_at IS NULL`;

export interface TimelineOptions {
  after?: string | null | undefined;
  limit?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The key entries are ordered by: a time as its UTC instant (a court order's time keeps the
 * offset it was given with, "2023-12-07T20:00:00-05:00", which as text would sort by its own
 * clock), a calendar day as itself, so it sorts before the times of that UTC day.
 */
const SORT_KEY = `CASE WHEN length(at) > 10 THEN coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', at), at) ELSE at END`;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One page of the case timeline, oldest first by instant. A bound given as a day compares each
 * entry's day as it is printed (on its own clock); a bound given as a time compares instants.
 */
export function timeline(caseFile: CaseFile, options: TimelineOptions = {}): Page<TimelineEntry> {
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (options.from) {
    conditions.push(DAY.test(options.from) ? 'substr(at, 1, 10) >= ?' : `sort_at >= strftime('%Y-%m-%dT%H:%M:%fZ', ?)`);
    params.push(options.from);
  }
  if (options.to) {
    conditions.push(DAY.test(options.to) ? 'substr(at, 1, 10) <= ?' : `sort_at <= strftime('%Y-%m-%dT%H:%M:%fZ', ?)`);
    params.push(options.to);
  }
  if (options.after) {
    conditions.push('(sort_at, uid) > (?, ?)');
    params.push(...decodeCursor(options.after, 2, 'timeline'));
  }
  const rows = prepareCached(
    caseFile.db,
    `SELECT * FROM (SELECT *, ${SORT_KEY} AS sort_at FROM (${TIMELINE_SQL})) ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY sort_at, uid LIMIT ?`,
  ).all(...params, limit + 1) as (TimelineEntry & { uid: string; sort_at: string })[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(({ uid: _uid, sort_at: _sortAt, ...entry }) => entry),
    next: more && last ? encodeCursor([last.sort_at, last.uid]) : null,
  };
}
