import { z } from 'zod';
import { isRealDay, offsetMinutes } from './statedTime';

/**
 * The one parser for every date a user or a script types (court dates, status dates, acquisition
 * times, first/last seen, expiry). Accepted: a calendar date `YYYY-MM-DD`, kept as typed, or an
 * ISO-8601 time with its zone (`2023-12-07T14:30:00Z`, `...+01:00`, within ±14:00), stored as UTC
 * with milliseconds. Anything else (`13/12/2023`, `yesterday`, `2024-02-30`, a time without a zone,
 * `+23:59`) is refused, because a date stored as typed sorts wrongly in the timeline and cannot be
 * checked (the rule for zones: ./statedTime).
 * The CLI maps the field to its flag, so the message reads "--date is not a date: ...".
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A space instead of "T" and a comma before the fraction, as spreadsheets write them.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** The expected form, quoted in every refusal. */
export const DATE_FORMS = 'use YYYY-MM-DD, or an ISO-8601 time with its zone like 2023-12-07T14:30:00Z';

/**
 * Slack for "not in the future": the user's own "today" may already be tomorrow in UTC (UTC+14 at
 * most), and a time may come from a clock a few minutes ahead.
 */
const DAY_AHEAD_MS = 14 * 3600_000;
const TIME_AHEAD_MS = 5 * 60_000;
/**
 * The parsed value (as stored) or the reason it is refused, worded to follow the name of the
 * field or flag ("--date is not a date: ..."). `past`: the date records something that already
 * happened, so it may not lie in the future. `now` is injectable for tests. Years before 1970 are
 * refused: nothing this product records happened then, and such a year is a typo. `keepOffset`: a
 * time keeps the offset it was given (`2026-12-07T17:30:00.000-08:00`, the same instant), for a
 * value whose calendar day is read where it was written (a declaration's execution date, a court
 * order's dates): its first ten characters are that day (`2023-12-07T19:30:00.000-05:00` is
 * 7 December, though in UTC it is already the 8th), and the instant stays known.
 */
export function parseCalendarDate(raw: string, options: { past?: boolean; now?: Date; keepOffset?: boolean } = {}): { value: string } | { error: string } {
  const value = raw.trim();
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const dateOnly = DATE_ONLY.exec(value);
  const dateTime = dateOnly ? null : DATE_TIME.exec(value);
  const parts = dateOnly ?? dateTime;
  if (!parts) return { error: `is not a date: ${shown} (${DATE_FORMS})` };
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (!isRealDay(year, month, day)) return { error: `is not a real calendar date: ${shown}` };
  if (year < 1970) return { error: `is before 1970: ${shown}; check the year` };
  let stored = value;
  let instant = Date.UTC(year, month - 1, day);
  if (dateTime) {
    const [, , , , h, mi, s = '0', frac = '0', zone] = dateTime;
    if (zone === undefined) return { error: `has a time but no time zone: ${shown}; add "Z" for UTC or an offset like +01:00` };
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return { error: `has an impossible time of day: ${shown}` };
    const offset = offsetMinutes(zone);
    if (offset === null) return { error: `has an impossible time-zone offset: ${shown} (offsets lie within -14:00 and +14:00)` };
    instant += ((Number(h) * 60 + Number(mi) - offset) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
    stored = options.keepOffset ? withOffset(instant, offset) : new Date(instant).toISOString();
  }
  if (options.past) {
    const now = (options.now ?? new Date()).getTime();
    const latest = dateOnly ? now + DAY_AHEAD_MS : now + TIME_AHEAD_MS;
    if (instant > latest) return { error: `is in the future (${shown}); it records something that already happened` };
  }
  return { value: stored };
}

/** The instant written at `offset` minutes east of UTC: "2026-12-07T17:30:00.000-08:00" ("Z" for 0). */
function withOffset(instant: number, offset: number): string {
  if (offset === 0) return new Date(instant).toISOString();
  const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offset);
  return `${wall}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function dateSchema(past: boolean, keepOffset = false) {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date') }).transform((raw, ctx) => {
    const parsed = parseCalendarDate(raw, { past, keepOffset });
    if ('value' in parsed) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });
}

/** A date that may lie ahead (expiry, a packet's date, a timeline bound). */
export const calendarDate = dateSchema(false);
/** A date of something that already happened (acquired, filed, granted, served, a status change, first/last seen). */
export const pastDate = dateSchema(true);
/**
 * A declaration's execution date: a day (`2026-12-07`), or a time that keeps its offset so the
 * day printed is the day where it was signed, never in the future.
 */
export const executionDate = dateSchema(true, true);
/**
 * A court order's date of something past (filed, granted, served): a day as the docket dates it,
 * or a time kept with its own offset, so its day is the day on its own clock (printed) and its
 * instant orders it against another time (orders/orderChronology).
 */
export const pastCourtDay = dateSchema(true, true);
/** A court order's expiry: a day that may lie ahead, read the same way. */
export const courtDay = dateSchema(false, true);
