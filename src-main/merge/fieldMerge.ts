import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { formatHlc, parseHlc } from '../casefile/HybridLogicalClock';
import { prepareCached } from '../casefile/prepareCached';

/** Columns every version sets, or that never change: they are not merged field by field. */
export const BOOKKEEPING = new Set(['id', 'hlc', 'updated_at', 'updated_by', 'created_at', 'created_by']);

/** A field's stamp when no change of it was stamped (set at creation, or before schema 8). */
export const BASE_STAMP = '';

export type Stamps = ReadonlyMap<string, string>;
type Version = Record<string, unknown> & { id: string; hlc: string };

/** The field stamps of one record in a copy (0080 field_stamp). */
export function stampsOf(db: Database.Database, table: string, id: string): Map<string, string> {
  const rows = prepareCached(db, 'SELECT field, hlc FROM field_stamp WHERE record_table = ? AND record_id = ?').all(table, id) as { field: string; hlc: string }[];
  return new Map(rows.map((r) => [r.field, r.hlc]));
}

/** Replaces a record's field stamps with `stamps` (a version's stamps travel with it). */
export function setStamps(db: Database.Database, table: string, id: string, stamps: Stamps): void {
  prepareCached(db, 'DELETE FROM field_stamp WHERE record_table = ? AND record_id = ?').run(table, id);
  const insert = prepareCached(db, 'INSERT INTO field_stamp (record_table, record_id, field, hlc) VALUES (?, ?, ?, ?)');
  for (const [field, hlc] of stamps) insert.run(table, id, field, hlc);
}

/**
 * The stamp of the version that mixes two others: just after the larger, with a suffix derived from
 * both, so every copy that mixes the same two versions names the result alike.
 */
export function mixedStamp(a: string, b: string): string {
  const [low, high] = a < b ? [a, b] : [b, a];
  const tag = createHash('sha256').update(`${low}\u0000${high}`).digest('hex').slice(0, 8);
  const parsed = parseHlc(high);
  return parsed ? formatHlc(parsed.ms, parsed.counter, `${parsed.device}~m${tag}`) : `${high}~m${tag}`;
}

export interface FieldMerge {
  /** 'local' or 'incoming' when one version wins every field; 'mixed' when each gave some. */
  outcome: 'local' | 'incoming' | 'mixed';
  row: Version;
  stamps: Map<string, string>;
  /** For each side, the fields whose value it lost (its value differs from the result). */
  lostBy: { local: string[]; incoming: string[] };
}

/**
 * Per-field last-writer-wins of two versions of one record: each field is taken from the version
 * whose change of it is newer (its field stamp; unstamped fields by the versions' own stamps), a
 * pure function of the two versions and their stamps, the same whichever copy merges which.
 */
export function mergeFields(columns: readonly string[], local: Version, localStamps: Stamps, incoming: Version, incomingStamps: Stamps): FieldMerge {
  const row: Version = { ...local };
  const stamps = new Map<string, string>();
  let fromLocal = 0;
  let fromIncoming = 0;
  const lostBy = { local: [] as string[], incoming: [] as string[] };
  for (const column of columns) {
    if (BOOKKEEPING.has(column)) continue;
    const l = localStamps.get(column) ?? BASE_STAMP;
    const i = incomingStamps.get(column) ?? BASE_STAMP;
    const incomingWins = i > l || (i === l && incoming.hlc > local.hlc);
    const [winner, stamp] = incomingWins ? [incoming, i] : [local, l];
    row[column] = winner[column];
    if (stamp !== BASE_STAMP) stamps.set(column, stamp);
    if (local[column] === incoming[column]) continue;
    if (incomingWins) {
      fromIncoming += 1;
      lostBy.local.push(column);
    } else {
      fromLocal += 1;
      lostBy.incoming.push(column);
    }
  }
  // One version gave every differing field (or none differ: the newer one) and its stamps are the
  // result's: the result is that version, unchanged. Otherwise it is a new version (a mix), even
  // when the values are one side's: a version's stamps belong to it, on every copy.
  const newer = incoming.hlc > local.hlc ? 'incoming' : 'local';
  const candidate = fromLocal > 0 && fromIncoming > 0 ? 'mixed' : fromIncoming > 0 ? 'incoming' : fromLocal > 0 ? 'local' : newer;
  // The result is that version only if it is also the newer one: a copy's audit seals name the
  // versions it held, and the seal with the highest stamp must be of the current row
  // (verifyRecordSeals). Keeping an older version over a newer sealed one (its differing fields
  // all older, e.g. two mixes of the same stamp) would read as an edit behind the app's back.
  const sameStamps = (theirs: Stamps) => sameStampSet(stamps, theirs, columns);
  const outcome =
    candidate === 'incoming' && newer === 'incoming' && sameStamps(incomingStamps)
      ? 'incoming'
      : candidate === 'local' && newer === 'local' && sameStamps(localStamps)
        ? 'local'
        : 'mixed';
  if (outcome === 'incoming') return { outcome, row: { ...incoming }, stamps: new Map(incomingStamps), lostBy };
  if (outcome === 'local') return { outcome, row: { ...local }, stamps: new Map(localStamps), lostBy };
  const newerVersion = newer === 'incoming' ? incoming : local;
  row.hlc = mixedStamp(local.hlc, incoming.hlc);
  row.updated_at = newerVersion.updated_at;
  row.updated_by = newerVersion.updated_by;
  return { outcome, row, stamps, lostBy };
}

/** Equal stamps for the merged columns (a stamp of a column outside them is ignored). */
function sameStampSet(a: Stamps, b: Stamps, columns: readonly string[]): boolean {
  return columns.every((c) => BOOKKEEPING.has(c) || (a.get(c) ?? BASE_STAMP) === (b.get(c) ?? BASE_STAMP));
}
