import { createHash } from 'node:crypto';
import type { CaseFile } from '../casefile/CaseFile';
import { formatHlc, parseHlc } from '../casefile/HybridLogicalClock';
import { prepareCached } from '../casefile/prepareCached';
import { saveHistory } from '../records/saveHistory';
import { statusIsUndatedCreation } from '../websites/undatedCreation';
import { duplicateSurvivors } from './duplicateSurvivors';

type SiteRow = Record<string, unknown> & { id: string; status: string; status_at: string; hlc: string };

/** One row's current status as a lifecycle fact: what, when, whether anybody dated it, when recorded. */
interface StatusFact {
  row: SiteRow;
  dated: boolean;
  recordedAt: string;
}

/**
 * The later of two facts by setWebsiteStatus's rule: a dated status beats an undated creation; the
 * later date wins; on the same date the one recorded later (the order setWebsiteStatus would have
 * seen them in on one row); then the larger row id, so every copy picks the same.
 */
function later(a: StatusFact, b: StatusFact): StatusFact {
  if (a.dated !== b.dated) return a.dated ? a : b;
  if (a.row.status_at !== b.row.status_at) return a.row.status_at > b.row.status_at ? a : b;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt ? a : b;
  return a.row.id > b.row.id ? a : b;
}

/**
 * The stamp of the kept row's version that takes the followed status: a pure function of the
 * versions it was derived from (the kept row's and each tombstoned row's) and of the result, so
 * every copy that settles the pair from the same versions writes the same version; different
 * inputs give different stamps (a tag of them, as mixedStamp does), never one stamp for two rows.
 * It sorts after the kept version (same time and counter, device extended) or after the newest
 * input, so it beats the version it replaces on every copy that still holds that; any later
 * edit beats it. `~st` marks it as derived by a merge, not anybody's edit.
 */
function followStamp(kept: SiteRow, rows: readonly SiteRow[], status: string, statusAt: string): string {
  const inputs = rows.map((r) => `${r.id}@${r.hlc}`).sort();
  const tag = createHash('sha256').update([kept.hlc, ...inputs, status, statusAt].join('\u0000')).digest('hex').slice(0, 8);
  const own = parseHlc(kept.hlc);
  if (!own) return `${kept.hlc}~st${tag}`;
  let ms = own.ms;
  let counter = own.counter;
  for (const r of rows) {
    const p = parseHlc(r.hlc);
    if (p && (p.ms > ms || (p.ms === ms && p.counter > counter))) [ms, counter] = [p.ms, p.counter];
  }
  return formatHlc(ms, counter, `${own.device}~st${tag}`);
}

/**
 * After a duplicate's status history was carried to the row that stays (carryDuplicateStatus),
 * the kept row's current status follows it: it becomes the latest dated status of the kept row and
 * the rows tombstoned into it (`later`), each row's status being what setWebsiteStatus left it at
 * on its own copy. That is the status the combined history determines by the rule setWebsiteStatus
 * applies to one row (a backdated event does not move the status; an undated creation is no fact;
 * an event recorded without moving the status, such as evidence captured of a site already
 * further along, still does not), so the kept site never shows an earlier state than its own
 * history, and a filing's Appendix A prints the status the case proves.
 *
 * Merges must converge: the result is a pure function of the rows' versions, written under a
 * derived stamp (followStamp) with the kept version's updated_at/updated_by (a derived version,
 * like a duplicate's tombstone, written by nobody), so Alice merging Bob's copy and Bob merging
 * Alice's write the same row. A kept row already at that status is left alone, so a merge again
 * writes nothing. The replaced version goes to history; the caller seals every id returned in its
 * audit entry (the merge's, or the resolution's), in its transaction.
 */
export function followDuplicateStatus(caseFile: CaseFile): string[] {
  const to = duplicateSurvivors(caseFile);
  if (to.size === 0) return [];
  const { db } = caseFile;
  const groups = new Map<string, string[]>();
  for (const [dropped, survivor] of to) {
    if (dropped !== survivor) groups.set(survivor, [...(groups.get(survivor) ?? []), dropped]);
  }
  const rowOf = prepareCached(db, 'SELECT * FROM website WHERE id = ?');
  // When the status was recorded: the latest recording of the event that set it on that row.
  const recordedAt = prepareCached(
    db,
    'SELECT max(created_at) FROM website_status_event WHERE website_id = ? AND status = ? AND at = ?',
  ).pluck();
  const update = prepareCached(db, 'UPDATE website SET status = ?, status_at = ?, hlc = ? WHERE id = ? AND deleted_at IS NULL');
  const changed: string[] = [];
  for (const [survivor, dropped] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const kept = rowOf.get(survivor) as SiteRow | undefined;
    if (!kept || kept.deleted_at !== null) continue;
    const rows = [kept, ...dropped.sort().map((id) => rowOf.get(id) as SiteRow)];
    const facts = rows.map((row) => ({
      row,
      dated: !statusIsUndatedCreation(caseFile, row.id),
      recordedAt: (recordedAt.get(row.id, row.status, row.status_at) as string | null) ?? '',
    }));
    const best = facts.reduce(later);
    // Undated statuses all round say nothing about which came later: the kept row stays as it is.
    if (!best.dated) continue;
    const winner = best.row;
    if (winner.status === kept.status && winner.status_at === kept.status_at) continue;
    const stamp = followStamp(kept, rows.slice(1), winner.status, winner.status_at);
    caseFile.clock.observe(stamp);
    saveHistory(caseFile, 'website', kept, 'merge');
    // The field-stamp trigger stamps status and status_at with this version's stamp.
    update.run(winner.status, winner.status_at, stamp, kept.id);
    changed.push(kept.id);
  }
  return changed;
}
