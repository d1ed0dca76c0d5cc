import { formatBates } from './formatBates';

/** A run of Bates numbers as printed: prefix + number padded to `padding` digits (formatBates). */
export interface BatesRun {
  prefix: string;
  padding: number;
  first: number;
  last: number;
}

/**
 * The number a printed label stands for in a run's numbering, or null when that numbering never
 * prints it. Inverse of formatBates: the prefix (compared without regard to case, as productions
 * compare prefixes), then digits that are exactly `padding` wide, or wider without a leading zero
 * (a number wider than the padding prints in full).
 */
function numberOfLabel(label: string, prefix: string, padding: number): number | null {
  if (label.slice(0, prefix.length).toUpperCase() !== prefix.toUpperCase()) return null;
  const digits = label.slice(prefix.length);
  if (!/^[0-9]+$/.test(digits)) return null;
  if (digits.length < padding || (digits.length > padding && digits.startsWith('0'))) return null;
  return Number(digits);
}

/**
 * The first label, as run `a` prints it, that run `b` prints too, or null when none is shared.
 * Labels are what a reader sees on the page: prefix "STORM-0" with padding 5 prints STORM-000001,
 * exactly prefix "STORM-" with padding 6 (the prefixes differ, the pages do not). Walks the
 * shorter run and parses each label in the other's numbering; only runs whose prefixes begin
 * alike are walked at all.
 */
export function sharedBatesLabel(a: BatesRun, b: BatesRun): string | null {
  const pa = a.prefix.toUpperCase();
  const pb = b.prefix.toUpperCase();
  if (!pa.startsWith(pb) && !pb.startsWith(pa)) return null;
  const walkA = a.last - a.first <= b.last - b.first;
  const [walked, other] = walkA ? [a, b] : [b, a];
  let found: number | null = null;
  for (let n = walked.first; n <= walked.last; n++) {
    const m = numberOfLabel(formatBates(walked, n), other.prefix, other.padding);
    if (m === null || m < other.first || m > other.last) continue;
    const inA = walkA ? n : m;
    if (found === null || inA < found) found = inA;
    if (walkA) break;
  }
  return found === null ? null : formatBates(a, found);
}
