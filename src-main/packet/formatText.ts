/**
 * Display formats used across the packet. Hand-written rather than Intl so the output does not
 * depend on the ICU data of the machine: the same case must give the same bytes everywhere.
 */
import { isTimeWithoutZone, NO_ZONE_STATED } from '../contract/statedTime';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * "2025-03-14" or "2025-03-14T09:31:00-08:00" -> "March 14, 2025": the calendar day as written,
 * no zone shift. For a day that is a day where it was written (an execution date); a day taken
 * from a stored instant goes through formatLongDateStated, which says whose day it is.
 */
export function formatLongDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

/**
 * The zone a stored time's calendar day belongs to, for printing beside that day: "" for a
 * calendar date (a day as entered), "UTC" for an instant, "no time zone stated" for a time given
 * without one (contract/statedTime). The day of an instant is its UTC day, so it must say so: 23:30
 * on 1 March in California is 2 March in UTC.
 */
function zoneOfDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  if (isTimeWithoutZone(iso)) return NO_ZONE_STATED;
  const offset = /([+-]\d{2}:\d{2})$/.exec(iso);
  return offset && offset[1] !== '+00:00' ? `UTC${offset[1]}` : 'UTC';
}

/**
 * "2025-03-14T09:31:00Z" -> "March 14, 2025 (UTC)"; a calendar date -> "March 14, 2025".
 * `stated` false: as formatLongDate, for productions frozen before dates said their zone.
 */
export function formatLongDateStated(iso: string, stated = true): string {
  const zone = stated ? zoneOfDay(iso) : '';
  return zone ? `${formatLongDate(iso)} (${zone})` : formatLongDate(iso);
}

/**
 * "2025-03-14T09:31:00Z" -> "2025-03-14\nUTC" (two lines at most, for a narrow column); a calendar
 * date stays as it is. `stated` false: the bare day, as productions frozen before this printed it.
 */
export function formatShortDateStated(iso: string, stated = true): string {
  const zone = stated ? zoneOfDay(iso) : '';
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return zone ? `${iso.slice(0, 10)}\n${zone === NO_ZONE_STATED ? 'no zone stated' : zone}` : iso.slice(0, 10);
}

/**
 * "2025-03-14T09:31:05.123Z" -> "2025-03-14 09:31:05 UTC"; a bare date stays a date; a time with
 * no zone -> "2025-03-14 09:31:05 (no time zone stated)", never converted with this computer's zone.
 */
export function formatTimestamp(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  if (isTimeWithoutZone(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, 19)} (${NO_ZONE_STATED})`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

/** 1234567 -> "1,234,567". */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567 -> "1,234,567 bytes (1.2 MiB)": packets state the exact size (contract/formatBytes). */
export { formatBytesExact as formatBytes } from '../contract/formatBytes';

/** Case-insensitive code-point order, for sort orders that must not depend on the locale. */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

const CODE_WORDS: Record<string, string> = { tro: 'TRO', ip: 'IP', c2: 'C2', dns: 'DNS', url: 'URL' };

/**
 * Stored enum codes read as words: "transfer_confirmed" -> "transfer confirmed",
 * "ex_parte_tro" -> "ex parte TRO". Anything that is not a snake_case code is shown as given.
 */
export function humanizeCode(value: string): string {
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(value)) return value;
  return value
    .split('_')
    .map((w) => CODE_WORDS[w] ?? w)
    .join(' ');
}
