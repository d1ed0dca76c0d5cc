import { enumLabel } from './labels';

/** Colour of each lifecycle state, from "found" (neutral) through "in court" (amber) to "taken down" (green). */
const TONES: Record<string, string> = {
  identified: 'neutral',
  evidence_captured: 'info',
  named_in_order: 'warning',
  served: 'warning',
  transfer_confirmed: 'success',
  hold_confirmed: 'success',
  sinkholed: 'success',
  offline: 'success',
  released: 'neutral',
  draft: 'neutral',
  filed: 'info',
  granted: 'warning',
  expired: 'neutral',
  vacated: 'danger',
  denied: 'danger',
  open: 'info',
  closed: 'neutral',
  archived: 'neutral',
  ok: 'success',
  mismatch: 'danger',
  failed: 'danger',
};

export function StatusBadge({ value }: { value: string }) {
  return <span className={`badge badge-dot tone-${TONES[value] ?? 'neutral'}`}>{enumLabel(value)}</span>;
}

export function TlpBadge({ value }: { value: string }) {
  const cls = value.toLowerCase().replace('tlp:', 'tlp-').replace('+', '-');
  return <span className={`badge tlp ${cls}`}>{value}</span>;
}
