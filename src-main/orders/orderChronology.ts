import { onOwnClock, type OwnClockTime } from '../contract/ownClock';

/**
 * An order's dates as stored, any of them unset: a day ("2023-12-07"), or a time kept with the
 * offset it was given ("2023-12-07T19:30:00.000-05:00"; files from before kept it in UTC, "...Z").
 */
export interface OrderDates {
  filed_at?: string | null;
  granted_at?: string | null;
  served_at?: string | null;
  expires_at?: string | null;
}

const LABEL: Record<keyof OrderDates, string> = { filed_at: 'filed', granted_at: 'granted', served_at: 'served', expires_at: 'expires' };

/** Each pair: the first cannot come after the second. */
const ORDER: [keyof OrderDates, keyof OrderDates][] = [
  ['filed_at', 'granted_at'],
  ['granted_at', 'served_at'],
  ['granted_at', 'expires_at'],
];

/**
 * The ways an order's dates contradict one another: served or expiring before it was granted,
 * granted before it was filed. Empty when they agree. One sentence per contradiction, naming both
 * dates. When both dates of a pair carry a time and its zone, their instants decide: filed at 01:00
 * on the 8th in UTC+14 came before a grant at 20:00 on the 7th in New York, though each one's own
 * day says otherwise. When either is a bare day, the days decide (each time's day on its own
 * clock, as printed), because a day says nothing of the hour: a same-day pair never counts.
 */
export function orderChronologyProblems(dates: OrderDates): string[] {
  const problems: string[] = [];
  for (const [earlier, later] of ORDER) {
    const a = dates[earlier];
    const b = dates[later];
    if (!a || !b) continue;
    const [timeA, timeB] = [onOwnClock(a), onOwnClock(b)];
    if (timeA && timeB) {
      if (timeA.instant > timeB.instant) problems.push(`${LABEL[later]} ${timeShown(timeB)} is before ${LABEL[earlier]} ${timeShown(timeA)}`);
    } else if (a.slice(0, 10) > b.slice(0, 10)) {
      problems.push(`${LABEL[later]} ${b.slice(0, 10)} is before ${LABEL[earlier]} ${a.slice(0, 10)}`);
    }
  }
  return problems;
}

/** "2023-12-07T19:30:00.000-05:00" -> "2023-12-07 19:30 (UTC-05:00)": the time as written, with its zone. */
function timeShown(time: OwnClockTime): string {
  return `${time.day} ${time.time} (${time.zone})`;
}
