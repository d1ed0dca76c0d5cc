import { z } from 'zod';

/**
 * The one parser for every date a user or a script types (court dates, status dates, acquisition
 * times, first/last seen, expiry). Accepted: a calendar date `YYYY-MM-DD`, kept as typed, or an
 * ISO-8601 time with its zone (`2023-12-07T14:30:00Z`, `...+01:00`), stored as UTC with
 * milliseconds. Anything else (`13/12/2023`, `yesterday`, `2024-02-30`, a time without a zone) is
 * refused, because a date stored as typed sorts wrongly in the timeline and cannot be checked.
 * The CLI maps the field to its flag, so the message reads "--date is not a date: ...".
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
/** The expected form, quoted in every refusal. */
export const DATE_FORMS = 'use YYYY-MM-DD, or an ISO-8601 time with its zone like 2023-12-07T14:30:00Z';

/**
 * Slack for "not in the future": the user's own "today" may already be tomorrow in UTC (UTC+14 at
 * most), and a time may come from a clock a few minutes ahead.
 */
const DAY_AHEAD_MS = 14 * 3600_000;
const TIME_AHEAD_MS = 5 * 60_000;

function isRealDay(year: string, month: string, day: string): boolean {
  const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 2024-02-30 over to March 1: a real day maps back to itself.
  return d.getUTCFullYear() === Number(year) && d.getUTCMonth() === Number(month) - 1 && d.getUTCDate() === Number(day);
}

/** The parsed value (as stored) or the reason it is refused; `now` is injectable for tests. */
export function parseCalendarDate(raw: string, options: { past?: boolean; now?: Date } = {}): { value: string } | { error: string } {
  const value = raw.trim();
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const dateOnly = DATE_ONLY.exec(value);
  const dateTime = dateOnly ? null : DATE_TIME.exec(value);
  const parts = dateOnly ?? dateTime;
  if (!parts) return { error: `is not a date: ${shown} (${DATE_FORMS})` };
  if (!isRealDay(parts[1]!, parts[2]!, parts[3]!)) return { error: `is not a real calendar date: ${shown}` };
  let stored = value;
  let instant: number;
  if (dateOnly) {
    instant = Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
  } else {
    instant = new Date(value).getTime();
    if (Number.isNaN(instant)) return { error: `is not a date: ${shown} (${DATE_FORMS})` };
    stored = new Date(instant).toISOString();
  }
  if (options.past) {
    const now = (options.now ?? new Date()).getTime();
    const latest = dateOnly ? now + DAY_AHEAD_MS : now + TIME_AHEAD_MS;
    if (instant > latest) return { error: `is in the future (${shown}); it records something that already happened` };
  }
  return { value: stored };
}

function dateSchema(past: boolean) {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date') }).transform((raw, ctx) => {
    const parsed = parseCalendarDate(raw, { past });
    if ('value' in parsed) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });
}

/** A date that may lie ahead (expiry, a packet's date, a timeline bound). */
export const calendarDate = dateSchema(false);
/** A date of something that already happened (acquired, filed, granted, served, a status change, first/last seen). */
export const pastDate = dateSchema(true);
