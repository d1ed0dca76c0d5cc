import { parseCalendarDate } from '../contract/calendarDate';
import { SiteFieldError } from './SiteFieldError';

/**
 * Reads a date from a list cell with the contract's one date parser (contract/calendarDate):
 * `2023-12-13` stays a date; a time with `Z` or an offset becomes UTC with milliseconds; a time
 * without a zone, day- or month-first forms and impossible days are refused. First/last seen are
 * past events: a date in the future is refused too.
 */
export function normalizeIsoDate(text: string, field: string): string {
  const parsed = parseCalendarDate(text, { past: true });
  if ('error' in parsed) throw new SiteFieldError('INVALID_DATE', field, text, `${field} ${parsed.error}.`);
  return parsed.value;
}
