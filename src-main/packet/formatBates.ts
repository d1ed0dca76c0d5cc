import type { BatesOptions } from './PacketInput';

/** "DOSS-" + 42 with padding 6 -> "DOSS-000042". Numbers wider than the padding print in full. */
export function formatBates(bates: Pick<BatesOptions, 'prefix' | 'padding'>, n: number): string {
  return bates.prefix + String(n).padStart(bates.padding, '0');
}

/** "DOSS-000042 – DOSS-000047", or a single number when the range is one page. */
export function formatBatesRange(bates: Pick<BatesOptions, 'prefix' | 'padding'>, first: number, last: number): string {
  return first === last ? formatBates(bates, first) : `${formatBates(bates, first)} – ${formatBates(bates, last)}`;
}
