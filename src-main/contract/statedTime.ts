/**
 * The one rule for times without a zone, shared by what users type (./calendarDate), what evidence
 * files say (HAR, WARC, MHTML and e-mail Date headers) and what packets print:
 * - A time with a zone (`Z`, an offset within ±14:00, an RFC 5322 zone name) is an instant, kept
 *   in UTC and printed with its zone.
 * - A time with no zone is not an instant. It is never converted with the zone of the computer
 *   that happens to read it (that made one file 12:00 UTC in one office and 15:30 UTC in another):
 *   it is kept as written, as an ISO time without a zone, and printed "(no time zone stated)".
 * - A calendar date is a day, not an instant; a date that is not a real day (31 February) is no
 *   date at all and is never rolled over into another.
 * - Offsets beyond ±14:00 exist nowhere (UTC-12 and UTC+14 are the extremes in use).
 */

/** Printed beside a time that was given without a zone. */
export const NO_ZONE_STATED = 'no time zone stated';

/**
 * Said where a capture gives no time that reads as one (a WARC-Date "last thursday", none at all):
 * its words are kept on its records as written, but never used as a date (capture import's notes,
 * its answer and the CLI say this instead).
 */
export const NO_USABLE_CAPTURE_TIME = 'the capture states no usable time';

/** Real offsets lie within UTC-12:00 .. UTC+14:00; ±14:00 accepts both ends and nothing beyond. */
const MAX_OFFSET_MINUTES = 14 * 60;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a day that exists in the Gregorian calendar (no 31 February, 29 February only in leap years). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Minutes east of UTC for `Z`, `+01:00`, `-0500`; null for an offset no place on earth uses (beyond ±14:00, or minutes over 59). */
export function offsetMinutes(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MINUTES) return null;
  return (digits.startsWith('-') ? -1 : 1) * total;
}

/** A time read from a file: an instant (UTC ISO with milliseconds) or a wall-clock time with no zone (ISO without one). */
export type StatedTime = { instant: string } | { noZone: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The time from its parts, or null when the day or time of day does not exist. `zoneMinutes`
 * undefined: no zone was stated, so the wall time is kept as it is and never made an instant.
 */
function statedTime(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number, zoneMinutes: number | undefined): StatedTime | null {
  if (!isRealDay(year, month, day) || h > 23 || mi > 59 || s > 60) return null;
  // A leap second (:60) is real in UTC; Date cannot hold it, so it reads as the last ms of :59.
  const [sec, milli] = s === 60 ? [59, 999] : [s, ms];
  if (zoneMinutes === undefined) return { noZone: `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(sec)}.${pad(milli, 3)}` };
  return { instant: new Date(Date.UTC(year, month - 1, day, h, mi - zoneMinutes, sec, milli)).toISOString() };
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO-8601 time as HAR and WARC write them ("2024-03-01T12:00:00.123+01:00"); null when it is not one or not a real time. */
export function readIsoTime(text: string): StatedTime | null {
  const m = ISO_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
  const offset = zone === undefined ? undefined : offsetMinutes(zone);
  if (offset === null) return null;
  return statedTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)), offset);
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * RFC 5322 section 4.3: the obsolete zone names and their offsets. Any other name (CET, a military
 * letter, whose RFC 822 meaning was reversed in practice) states a zone we cannot read, so the
 * header is not read at all rather than called zone-less.
 */
const NAMED_ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };
const MAIL_DATE = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[a-z]{1,5}))?$/i;

/**
 * The facts of an RFC 5322 Date header ("Fri, 01 Mar 2024 12:00:00 +0100"), comments removed.
 * null when the header does not follow the grammar; `{ unreal: true }` when it does but names a
 * day or time that does not exist ("31 Feb"), which must be shown as written, never rolled over.
 */
export function readMailDate(text: string): StatedTime | { unreal: true } | null {
  const m = MAIL_DATE.exec(text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const [, d, monthName, y, h, mi, s = '0', zone] = m;
  const month = MONTH_NAMES.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0) return null;
  // RFC 5322 4.3: a two-digit year is 1950-2049; a three-digit one adds 1900.
  const year = y!.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : y!.length === 3 ? 1900 + Number(y) : Number(y);
  let offset: number | undefined;
  if (zone !== undefined) {
    if (/^[+-]/.test(zone)) {
      const minutes = offsetMinutes(zone);
      if (minutes === null) return { unreal: true };
      offset = minutes;
    } else {
      offset = NAMED_ZONES[zone.toUpperCase()];
      if (offset === undefined) return null;
    }
  }
  return statedTime(year, month, Number(d), Number(h), Number(mi), Number(s), 0, offset) ?? { unreal: true };
}

/** The stored form of a time read from a file: the UTC instant, or the wall time with no zone. */
export function storedTime(time: StatedTime): string {
  return 'instant' in time ? time.instant : time.noZone;
}

/** True for a stored time of day with no zone ("2024-03-01T12:00:00.000"): it names no instant. */
export function isTimeWithoutZone(stored: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(stored);
}

/**
 * The calendar day this computer's clock shows for a moment: where the person using it is, which
 * is what a declaration's "Executed on" must say. A calendar date stays the day it names; a time
 * with no zone stays its own written day.
 */
export function localCalendarDay(at: string | Date): string {
  if (typeof at === 'string' && (/^\d{4}-\d{2}-\d{2}$/.test(at) || isTimeWithoutZone(at))) return at.slice(0, 10);
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A time a capture file states (HAR startedDateTime, WARC-Date, an MHTML Date header), in its
 * stored form: the UTC instant, the wall time marked by having no zone, or null when it is not a
 * real time in ISO-8601 or RFC 5322 form. The same on every computer.
 */
export function storedFileTime(text: string | null | undefined): string | null {
  if (!text) return null;
  const time = readIsoTime(text) ?? readMailDate(text);
  return time && !('unreal' in time) ? storedTime(time) : null;
}

/**
 * Milliseconds to order and match the times of one capture (the replay's nearest response, its
 * archive URLs). A time without a zone counts by its written wall clock, as if UTC, so the same
 * capture replays alike on every computer; this number is never printed as an instant. NaN for
 * text that is no time.
 */
export function timeForOrdering(stored: string): number {
  return Date.parse(isTimeWithoutZone(stored) ? `${stored}Z` : stored);
}
