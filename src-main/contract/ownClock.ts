/**
 * A stored time read on its own clock. calendarDate's `keepOffset` keeps a time with the offset it
 * was given (a court order's dates, a declaration's execution date), so its first ten characters
 * are the day where it happened and its instant stays known. Older files kept some of those times
 * in UTC ("...Z"); they read the same way, on the UTC clock.
 * Shared by the order chronology rule (main) and the renderer's date labels, so both read a stored
 * value alike.
 */
export interface OwnClockTime {
  /** The day on its own clock: "2023-12-07". */
  day: string;
  /** Hours and minutes on its own clock: "19:30". */
  time: string;
  /** "UTC-05:00", or "UTC" for Z and +00:00. */
  zone: string;
  /** Milliseconds since the epoch. */
  instant: number;
}

const TIME_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** "2023-12-07T19:30:00.000-05:00" -> its day, time, zone and instant; null for a bare day or a time without a zone. */
export function onOwnClock(stored: string): OwnClockTime | null {
  const parts = TIME_WITH_ZONE.exec(stored);
  if (!parts) return null;
  const instant = Date.parse(stored);
  if (Number.isNaN(instant)) return null;
  const [, day, time, zone] = parts as unknown as [string, string, string, string];
  return { day, time, zone: zone.toUpperCase() === 'Z' || zone === '+00:00' ? 'UTC' : `UTC${zone}`, instant };
}
