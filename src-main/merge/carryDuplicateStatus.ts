import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { WebsiteStatusEvent } from '../contract/records';
import { derivedId, duplicateSurvivors } from './duplicateSurvivors';

/**
 * The id of the copy of a status event on `survivor`: derived from the survivor and everything
 * the event says, so every copy that carries it makes the same row, and an event reaching the
 * survivor by two paths (A's event carried to B, B later a duplicate of C) is one row. The parts
 * are stored in every copy's ids: never change them.
 */
function carriedEventId(survivor: string, e: WebsiteStatusEvent): string {
  return derivedId('carried-status-event', survivor, JSON.stringify([e.status, e.at, e.order_id, e.evidence_id, e.note, e.created_at, e.created_by, e.hlc]));
}

/**
 * Copies the status history of every website a duplicate settlement tombstoned (a merge's, or
 * `conflicts resolve --keep`) to the row that stays, so the kept site's lifecycle still shows
 * that it was named in an order, served, transferred ... on the copy whose row lost. Status
 * events are append-only (triggers refuse UPDATE), so they are copied, not moved: the copy says
 * what the event said, when and by whom it was recorded, under its original stamp; the original
 * stays on the tombstoned row. An event the survivor already has (same status, time, order,
 * evidence and note: both copies recorded the order naming the domain) is not copied twice.
 * Lists read by time (websiteStatusHistory), so the copies fall into place. Returns the ids
 * written, for the caller's audit entry to seal (as carryDuplicateLinks does for links).
 */
export function carryDuplicateStatus(caseFile: CaseFile): string[] {
  const to = duplicateSurvivors(caseFile);
  if (to.size === 0) return [];
  const { db } = caseFile;
  const eventsOf = prepareCached(db, 'SELECT * FROM website_status_event WHERE website_id = ? ORDER BY at, created_at, id');
  const same = prepareCached(
    db,
    'SELECT 1 FROM website_status_event WHERE website_id = ? AND status = ? AND at = ? AND order_id IS ? AND evidence_id IS ? AND note IS ?',
  );
  const insert = prepareCached(
    db,
    `INSERT INTO website_status_event (id, website_id, status, at, order_id, evidence_id, note, created_at, created_by, hlc)
     VALUES (@id, @website_id, @status, @at, @order_id, @evidence_id, @note, @created_at, @created_by, @hlc)`,
  );
  const written: string[] = [];
  for (const [dropped, survivor] of to) {
    if (survivor === dropped) continue;
    for (const event of eventsOf.all(dropped) as WebsiteStatusEvent[]) {
      // The same id is the same content, so this also skips a copy made before (or by a teammate).
      if (same.get(survivor, event.status, event.at, event.order_id, event.evidence_id, event.note)) continue;
      const id = carriedEventId(survivor, event);
      insert.run({ ...event, id, website_id: survivor });
      written.push(id);
    }
  }
  return written;
}
