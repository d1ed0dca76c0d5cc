/**
 * Display formats used across the packet. Hand-written rather than Intl so the output does not
 * depend on the ICU data of the machine: the same case must give the same bytes everywhere.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2025-03-14" or "2025-03-14T09:31:00Z" -> "March 14, 2025" (the calendar date as written, no zone shift). */
export function formatLongDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

/** "2025-03-14T09:31:05.123Z" -> "2025-03-14 09:31:05 UTC"; a bare date stays a date. */
export function formatTimestamp(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
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
