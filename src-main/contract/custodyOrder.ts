/**
 * A chain of custody in the order it happened. Times are ISO-8601 UTC text, or a day alone
 * (YYYY-MM-DD: "some time that day", no time was given), and sort as text: a day alone before
 * the times of that day, at the earliest moment it can mean. Nobody holds an exhibit before it is
 * acquired (evidence/custody.ts refuses such a date), so on the acquisition's own day that
 * earliest moment is the acquisition: a day alone there is listed right after it, never before it
 * (as text, 2024-03-01 sorts before 2024-03-01T15:00:00.000Z). Events at the same moment keep the
 * order given (listCustody gives them in recording order: ids are UUIDv7). One order for the CLI,
 * the app and the packet's custody report, so they never disagree.
 */
export function custodyOrder<T extends { at: string; action: string }>(events: readonly T[]): T[] {
  const acquired = events.filter((e) => e.action === 'acquired').reduce<string | null>((min, e) => (min === null || e.at < min ? e.at : min), null);
  const sortAt = (e: T): string => (acquired !== null && e.action !== 'acquired' && e.at.length === 10 && e.at === acquired.slice(0, 10) ? acquired : e.at);
  return events
    .map((event, index) => ({ event, index, at: sortAt(event) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || Number(b.event.action === 'acquired') - Number(a.event.action === 'acquired') || a.index - b.index)
    .map((entry) => entry.event);
}
