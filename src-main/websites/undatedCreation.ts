import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';

/** SQL: the id of the event the site whose id is the expression `site` was created with (its first recorded no earlier than the row). */
const CREATION_EVENT_OF = (site: string) => `(SELECT f.id FROM website_status_event f
  WHERE f.website_id = ${site} AND f.created_at >= (SELECT created_at FROM website WHERE id = ${site})
  ORDER BY f.created_at, f.id LIMIT 1)`;

/**
 * SQL condition on a status event aliased `e`: it is the event a site was created with, and it was
 * given no date (`site add` without `--status-date`, a list row without one), so its `at` is when
 * the site was entered (within seconds of its own `created_at`), which is no fact about the site.
 * A date alone (`2023-12-13`) is always a date someone gave.
 * The creation event is the site's first event recorded no earlier than the site row itself. A
 * kept duplicate also holds copies of the other row's events (carryDuplicateStatus: same status,
 * times and stamp, the original staying on the tombstoned row, which has the same host): a copy
 * of that row's undated creation is no fact either, and, recorded earlier, is not the kept row's
 * own creation.
 * One rule for setWebsiteStatus (laterLifecycleFact) and a merge's duplicate settlement
 * (followDuplicateStatus): change them together.
 */
export const UNDATED_CREATION_EVENT = `(
  length(e.at) > 10 AND abs(julianday(e.at) - julianday(e.created_at)) * 86400 < 5
  AND EXISTS (
    SELECT 1 FROM website_status_event o
    WHERE o.website_id IN (SELECT id FROM website WHERE host_ascii = (SELECT host_ascii FROM website WHERE id = e.website_id))
      AND o.hlc = e.hlc AND o.status = e.status AND o.at = e.at AND o.created_at = e.created_at
      AND o.id = ${CREATION_EVENT_OF('o.website_id')}))`;

/**
 * Whether a site's current status is still the one it was created with undated: then the status
 * says nothing about when the site reached it, and a dated status of a duplicate row is later.
 */
export function statusIsUndatedCreation(caseFile: CaseFile, websiteId: string): boolean {
  return (
    prepareCached(
      caseFile.db,
      `SELECT 1 FROM website w JOIN website_status_event e ON e.website_id = w.id
       WHERE w.id = ? AND e.status = w.status AND e.at = w.status_at AND ${UNDATED_CREATION_EVENT}
       LIMIT 1`,
    ).get(websiteId) !== undefined
  );
}
