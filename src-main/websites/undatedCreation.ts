import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';

/**
 * SQL condition on a status event aliased `e`: it is the event its site was created with, and it
 * was given no date (`site add` without `--status-date`, a list row without one), so its `at` is
 * when the site was entered (within seconds of its own `created_at`), which is no fact about the
 * site. A date alone (`2023-12-13`) is always a date someone gave.
 * The creation event is the site's first event recorded no earlier than the site row itself: a
 * kept duplicate also holds copies of the other row's events (carryDuplicateStatus), which keep
 * their own, possibly earlier, recording times and are not this row's creation.
 * One rule for setWebsiteStatus (laterLifecycleFact) and a merge's duplicate settlement
 * (followDuplicateStatus): change them together.
 */
export const UNDATED_CREATION_EVENT = `(
  e.id = (SELECT f.id FROM website_status_event f
          WHERE f.website_id = e.website_id AND f.created_at >= (SELECT created_at FROM website WHERE id = e.website_id)
          ORDER BY f.created_at, f.id LIMIT 1)
  AND length(e.at) > 10 AND abs(julianday(e.at) - julianday(e.created_at)) * 86400 < 5)`;

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
