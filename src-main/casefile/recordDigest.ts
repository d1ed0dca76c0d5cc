import { createHash, hash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';

/*
 * How a record's state is fingerprinted for the audit chain (audit seals, migration 0050). These
 * formats are stored in every case file's audit log: changing any of them makes every existing
 * seal fail to verify, so they are frozen like a landed migration.
 */

/**
 * Tables whose rows the audit chain seals, by the record kind appendAudit is called with. The
 * stored name is the table, so kinds may be renamed without touching old seals.
 */
export const SEALED_TABLES = [
  'case_info', 'evidence', 'website', 'court_order', 'stakeholder', 'note', 'link', 'team_member', 'custody_event', 'website_status_event',
] as const;
/**
 * Tables sealed since a later schema (redaction: 0100). Kept apart from SEALED_TABLES because
 * migration 0050 seals every SEALED_TABLES row at upgrade, before these tables exist.
 */
export const LATER_SEALED_TABLES = ['redaction'] as const;
/**
 * Filing tables sealed since schema 12 (migration 0120 seals the rows already there as they stood
 * at upgrade): productions (the frozen input and Bates range a filing was made from) and the
 * filing caption. Apart from the lists above: an older file opened read-only (not upgraded) has
 * them unsealed, and a checkpoint's record count stays what it was (sealedTablesIn).
 */
export const FILING_SEALED_TABLES = ['production', 'filing_caption'] as const;
/** The schema version from which FILING_SEALED_TABLES are sealed. */
export const FILING_SEALS_SINCE = 12;
/**
 * Merge conflicts, sealed since schema 14 (migration 0140 seals the rows already there as they
 * stood at upgrade): the merge entry that writes or brings a conflict row and the resolution
 * entry that closes it seal it, since a resolution writes its values into records. Apart from the
 * lists above for the reasons FILING_SEALED_TABLES is.
 */
export const CONFLICT_SEALED_TABLES = ['merge_conflict'] as const;
/** The schema version from which CONFLICT_SEALED_TABLES are sealed. */
export const CONFLICT_SEALS_SINCE = 14;
export type SealedTable =
  | (typeof SEALED_TABLES)[number]
  | (typeof LATER_SEALED_TABLES)[number]
  | (typeof FILING_SEALED_TABLES)[number]
  | (typeof CONFLICT_SEALED_TABLES)[number];

/** The sealed tables this case file has (an older file opened read-only lacks the later ones). */
export function sealedTablesIn(db: { prepare(sql: string): { pluck(): { all(...args: unknown[]): unknown[] } } }): SealedTable[] {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  return [...SEALED_TABLES, ...LATER_SEALED_TABLES.filter((t) => present.has(t))];
}

/** FILING_SEALED_TABLES when this file's schema seals them (version 12 on), else none. */
export function filingSealedTablesIn(db: { pragma(source: string, options: { simple: true }): unknown }): (typeof FILING_SEALED_TABLES)[number][] {
  return (db.pragma('user_version', { simple: true }) as number) >= FILING_SEALS_SINCE ? [...FILING_SEALED_TABLES] : [];
}

/** CONFLICT_SEALED_TABLES when this file's schema seals them (version 14 on), else none. */
export function conflictSealedTablesIn(db: { pragma(source: string, options: { simple: true }): unknown }): (typeof CONFLICT_SEALED_TABLES)[number][] {
  return (db.pragma('user_version', { simple: true }) as number) >= CONFLICT_SEALS_SINCE ? [...CONFLICT_SEALED_TABLES] : [];
}

/** A row as SQLite returns it (`SELECT *`), column order as in the table. */
export type StoredRow = Record<string, unknown>;

/** SHA-256 (hex) of the canonical JSON (RFC 8785) of the whole row, every column. */
export function recordDigest(row: StoredRow): string {
  return createHash('sha256').update(canonicalJson(row)).digest('hex');
}

/** 16-bit FNV-1a of a value's canonical JSON, as four hex digits. */
function checkDigits(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (((h >>> 16) ^ h) & 0xffff).toString(16).padStart(4, '0');
}

/**
 * Four hex digits per column, in column order: a 16-bit FNV-1a of each value's canonical JSON.
 * Only for naming which field an outside edit changed; detection rests on recordDigest. A cheap
 * non-cryptographic hash on purpose: bulk imports seal every row they write.
 */
export function fieldDigests(row: StoredRow): string {
  let out = '';
  for (const value of Object.values(row)) out += checkDigits(canonicalJson(value));
  return out;
}

/**
 * The columns of `row` whose check digits differ from `sealed` (a seal's field_digests, in the
 * same column order); none named when the column count differs.
 */
export function changedFields(row: StoredRow, sealed: string): string[] {
  const now = fieldDigests(row);
  if (now.length !== sealed.length) return [];
  return Object.keys(row).filter((_, i) => now.slice(i * 4, i * 4 + 4) !== sealed.slice(i * 4, i * 4 + 4));
}

/** One record's state as an audit entry seals it. */
export interface RecordSeal {
  record_table: SealedTable;
  record_id: string;
  record_hlc: string;
  digest: string;
  field_digests: string;
}

/**
 * canonicalJson of one column value, with the scalars a row holds (text, numbers, NULL) taken
 * straight to JSON.stringify: the same text canonicalJson writes for them (it refuses the same
 * lone surrogates and non-finite numbers), without its generic walk, which was most of the cost
 * of sealing a million imported rows.
 */
function valueJson(value: unknown): string {
  if (typeof value === 'string') {
    // String.prototype.isWellFormed: Node 20+ (engines), not yet in this project's lib typings.
    if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) throw new TypeError('canonical JSON cannot hold a string with a lone surrogate');
    return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  return canonicalJson(value);
}

/** How a column list is sealed: positions in key order, each key as `"name":`, where id and hlc are. */
interface ColumnLayout {
  order: number[];
  keys: string[];
  id: number;
  hlc: number;
}

function layoutOf(columns: readonly string[]): ColumnLayout {
  const order = columns.map((_, i) => i).sort((a, b) => (columns[a]! < columns[b]! ? -1 : columns[a]! > columns[b]! ? 1 : 0));
  return { order, keys: columns.map((c) => `${JSON.stringify(c)}:`), id: columns.indexOf('id'), hlc: columns.indexOf('hlc') };
}

/** Layouts by column list (a table's columns come in one order), by content and by array. */
const layoutsBySignature = new Map<string, ColumnLayout>();
const layoutsByArray = new WeakMap<readonly string[], ColumnLayout>();

/**
 * The seal of a row given as its column names and values in column order (the same seal as
 * sealRow of the row object). Bulk writers pass the same `columns` array each time, so its layout
 * is looked up by identity.
 */
export function sealValues(table: SealedTable, columns: readonly string[], values: readonly unknown[]): RecordSeal {
  let layout = layoutsByArray.get(columns);
  if (!layout) {
    const signature = columns.join('\u0000');
    layout = layoutsBySignature.get(signature) ?? layoutOf(columns);
    layoutsBySignature.set(signature, layout);
    layoutsByArray.set(columns, layout);
  }
  // One serialisation per value serves both digests: the row's canonical JSON is its members in
  // key order (what canonicalJson(row) gives; a test holds the two equal).
  const json = values.map(valueJson);
  const { order, keys } = layout;
  const members = new Array<string>(order.length);
  for (let k = 0; k < order.length; k++) members[k] = keys[order[k]!]! + json[order[k]!]!;
  let digits = '';
  for (const v of json) digits += checkDigits(v);
  return {
    record_table: table,
    record_id: String(values[layout.id]),
    record_hlc: String(values[layout.hlc]),
    digest: hash('sha256', `{${members.join(',')}}`, 'hex'),
    field_digests: digits,
  };
}

/** The seal of a stored row of a sealed table. */
export function sealRow(table: SealedTable, row: StoredRow): RecordSeal {
  return sealValues(table, Object.keys(row), Object.values(row));
}

/**
 * The digest an audit entry carries for all the records it seals (its `seal_digest`): SHA-256 of
 * the canonical JSON of the seals, sorted by table and id, each as an array. Covered by the
 * entry's hash, so the audit_seal rows cannot be edited without breaking the chain.
 */
export function sealSetDigest(seals: readonly RecordSeal[]): string {
  const rows = seals
    .map((s) => [s.record_table, s.record_id, s.record_hlc, s.digest, s.field_digests])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  return createHash('sha256').update(canonicalJson(rows)).digest('hex');
}
