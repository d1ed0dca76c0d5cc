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
export type SealedTable = (typeof SEALED_TABLES)[number];

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

/** Per column list (a table's columns come in one order): positions in key order, each key as `"name":`. */
const keyOrders = new Map<string, { order: number[]; keys: string[] }>();

function keyOrder(columns: string[]): { order: number[]; keys: string[] } {
  const signature = columns.join('\u0000');
  let known = keyOrders.get(signature);
  if (!known) {
    const order = columns.map((_, i) => i).sort((a, b) => (columns[a]! < columns[b]! ? -1 : columns[a]! > columns[b]! ? 1 : 0));
    known = { order, keys: columns.map((c) => `${JSON.stringify(c)}:`) };
    keyOrders.set(signature, known);
  }
  return known;
}

/** The seal of a stored row of a sealed table. */
export function sealRow(table: SealedTable, row: StoredRow): RecordSeal {
  // One serialisation per value serves both digests: the row's canonical JSON is its members in
  // key order (what canonicalJson(row) gives; a test holds the two equal), so bulk imports
  // serialise each row once.
  const columns = Object.keys(row);
  const values = columns.map((c) => valueJson(row[c]));
  const { order, keys } = keyOrder(columns);
  const members = new Array<string>(order.length);
  for (let k = 0; k < order.length; k++) members[k] = keys[order[k]!]! + values[order[k]!]!;
  let digits = '';
  for (const v of values) digits += checkDigits(v);
  return {
    record_table: table,
    record_id: String(row.id),
    record_hlc: String(row.hlc),
    digest: hash('sha256', `{${members.join(',')}}`, 'hex'),
    field_digests: digits,
  };
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
  // canonicalJson of an array of arrays of text, written directly (the same bytes).
  return createHash('sha256').update(`[${rows.map((r) => `[${r.map(valueJson).join(',')}]`).join(',')}]`).digest('hex');
}
