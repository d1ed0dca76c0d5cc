import { onOwnClock } from '../../src-main/contract/ownClock';
import { isTimeWithoutZone, NO_ZONE_STATED } from '../../src-main/contract/statedTime';

/** Words shown for stored enum values ('ex_parte_tro' -> 'Ex parte TRO'). */
const SPECIAL: Record<string, string> = {
  ex_parte_tro: 'Ex parte TRO',
  tro: 'TRO',
  c2: 'C2',
  captcha_service: 'CAPTCHA service',
  web_capture: 'Web capture',
  disk_image: 'Disk image',
  network_capture: 'Network capture',
  hosting_provider: 'Hosting provider',
  law_enforcement: 'Law enforcement',
  'n/a': 'n/a',
};

export function enumLabel(value: string | null | undefined): string {
  if (!value) return '';
  const special = SPECIAL[value];
  if (special) return special;
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const KIND_LABEL = {
  evidence: 'Evidence',
  website: 'Website',
  order: 'Court order',
  stakeholder: 'Stakeholder',
  note: 'Note',
} as const;

export const KIND_PLURAL = {
  evidence: 'Evidence',
  website: 'Websites',
  order: 'Court orders',
  stakeholder: 'Stakeholders',
  note: 'Notes',
} as const;

/**
 * '2026-11-25T15:28:03.123Z' -> '25 Nov 2026, 15:28' (this computer's clock); '2026-11-25' ->
 * '25 Nov 2026'. A time kept with its own offset (a court order's dates) is shown on its own
 * clock, '2023-12-07T19:30:00.000-05:00' -> '07 Dec 2023, 19:30 UTC-05:00': an order granted that
 * evening in New York is never shown as granted on the 8th. A time stored without a zone (a
 * capture or e-mail that stated none, contract/statedTime) names no instant: its wall time is
 * shown as written, never read in this computer's zone, and marked as packets and the CLI mark
 * it: '01 Mar 2024, 12:00 (no time zone stated)'.
 */
export function formatDate(value: string | null | undefined, withTime = true): string {
  if (!value) return '';
  const own = /[+-]\d{2}:\d{2}$/.test(value) ? onOwnClock(value) : null;
  if (own) {
    const day = formatDate(own.day);
    return withTime ? `${day}, ${own.time} ${own.zone}` : day;
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const noZone = isTimeWithoutZone(value);
  // Both are read as UTC and shown in UTC: the day (and wall time) exactly as written.
  const asWritten = dateOnly || noZone;
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : noZone ? `${value}Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = asWritten ? 'UTC' : undefined;
  const day = date.toLocaleDateString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone });
  if (dateOnly) return day;
  const shown = withTime ? `${day}, ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone })}` : day;
  return noZone ? `${shown} (${NO_ZONE_STATED})` : shown;
}

/** The contract's one byte formatter (IEC units), shared with main and the CLI. */
export { formatBytes } from '../../src-main/contract/formatBytes';

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Today as YYYY-MM-DD in UTC, the form court dates are stored in. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
