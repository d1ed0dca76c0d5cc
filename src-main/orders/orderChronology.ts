/** An order's dates as stored (a day "2023-12-07" or a time "2023-12-07T19:30:00Z"), any of them unset. */
export interface OrderDates {
  filed_at?: string | null;
  granted_at?: string | null;
  served_at?: string | null;
  expires_at?: string | null;
}

const LABEL: Record<keyof OrderDates, string> = { filed_at: 'filed', granted_at: 'granted', served_at: 'served', expires_at: 'expires' };

/** Each pair: the first cannot fall on a later day than the second. */
const ORDER: [keyof OrderDates, keyof OrderDates][] = [
  ['filed_at', 'granted_at'],
  ['granted_at', 'served_at'],
  ['granted_at', 'expires_at'],
];

/**
 * The ways an order's dates contradict one another: served or expiring before it was granted,
 * granted before it was filed. Compared by calendar day, the precision every date has (a time
 * given with a zone may fall on the neighbouring UTC day, so a same-day pair never counts).
 * Empty when they agree. One sentence per contradiction, naming both dates.
 */
export function orderChronologyProblems(dates: OrderDates): string[] {
  const problems: string[] = [];
  for (const [earlier, later] of ORDER) {
    const a = dates[earlier];
    const b = dates[later];
    if (!a || !b) continue;
    if (a.slice(0, 10) > b.slice(0, 10)) {
      problems.push(`${LABEL[later]} ${b.slice(0, 10)} is before ${LABEL[earlier]} ${a.slice(0, 10)}`);
    }
  }
  return problems;
}
