import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';

/** Records of a capture that no page of a packet shows, counted by kind. */
export interface RecordsNotShown {
  count: number;
  /** e.g. { kind: 'application/json response', count: 1 }, { kind: 'request', count: 12 }; most first. */
  kinds: { kind: string; count: number }[];
}

/**
 * The records of a capture other than `shownRowIds` (the captured pages' own responses and
 * screenshots a packet shows), by kind: a response or resource by its media type, any other record
 * by its type (request, warcinfo, metadata, revisit). A packet shows a capture page by page; the
 * rest of the archive (the data the pages loaded, API responses, requests) is on no page, and the
 * packet says so rather than swear the exhibit appears as stored.
 */
export function recordsNotShown(db: Database.Database, captureId: string, shownRowIds: string[]): RecordsNotShown {
  const rows = prepareCached(
    db,
    `SELECT CASE WHEN record_type IN ('response', 'resource')
              THEN COALESCE(NULLIF(lower(trim(substr(content_type, 1, instr(content_type || ';', ';') - 1))), ''), 'untyped') || ' ' || record_type
              ELSE record_type END AS kind,
            count(*) AS count
       FROM capture_record
      WHERE capture_id = ? AND id NOT IN (SELECT value FROM json_each(?))
      GROUP BY kind ORDER BY count DESC, kind`,
  ).all(captureId, JSON.stringify(shownRowIds)) as { kind: string; count: number }[];
  return { count: rows.reduce((n, r) => n + r.count, 0), kinds: rows };
}
