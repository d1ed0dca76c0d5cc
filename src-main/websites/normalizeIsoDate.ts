import { SiteFieldError } from './SiteFieldError';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Read an ISO-8601 date or date-time from a list cell.
 * - `2023-12-13` stays a date: no time of day is invented.
 * - A date-time with `Z` or an offset becomes UTC with milliseconds (`2023-12-13T09:30:00.000Z`),
 *   the product's one timestamp convention.
 * - A date-time without a zone is refused: guessing the zone would shift evidence times.
 * - Day-first or month-first forms (`12/13/2023`) are refused as ambiguous.
 */
export function normalizeIsoDate(text: string, field: string): string {
  const value = text.trim();
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    checkCalendar(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]), value, field);
    return value;
  }
  const m = DATE_TIME.exec(value);
  if (!m) {
    throw new SiteFieldError(
      'INVALID_DATE',
      field,
      text,
      `${field} ${JSON.stringify(text)} is not an ISO-8601 date; write 2023-12-13 or 2023-12-13T09:30:00Z.`,
    );
  }
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
  if (zone === undefined) {
    throw new SiteFieldError(
      'INVALID_DATE',
      field,
      text,
      `${field} ${JSON.stringify(text)} has a time but no time zone; add "Z" for UTC or an offset like +01:00.`,
    );
  }
  checkCalendar(Number(y), Number(mo), Number(d), value, field);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new SiteFieldError('INVALID_DATE', field, text, `${field} ${JSON.stringify(text)} has an impossible time of day.`);
  }
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 23 || om > 59) {
      throw new SiteFieldError('INVALID_DATE', field, text, `${field} ${JSON.stringify(text)} has an impossible time-zone offset.`);
    }
    offsetMinutes = sign * (oh * 60 + om);
  }
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkCalendar(year: number, month: number, day: number, text: string, field: string): void {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > days || year < 1970) {
    throw new SiteFieldError('INVALID_DATE', field, text, `${field} ${JSON.stringify(text)} is not a real date (or is before 1970).`);
  }
}
