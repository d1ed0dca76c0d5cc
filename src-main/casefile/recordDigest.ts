import { createHash } from 'node:crypto';
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
export type SealedTable = (typeof SEALED_TABLES)[number] | (typeof LATER_SEALED_TABLES)[number];

/** The sealed tables this case file has (an older file opened read-only lacks the later ones). */
export function sealedTablesIn(db: { prepare(sql: string): { pluck(): { all(...args: unknown[]): unknown[] } } }): SealedTable[] {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  return [...SEALED_TABLES, ...LATER_SEALED_TABLES.filter((t) => present.has(t))];
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

/** One record's state as an audit entry seals it. */
export interface RecordSeal {
  record_table: SealedTable;
  record_id: string;
  record_hlc: string;
  digest: string;
  field_digests: string;
}

/** The seal of a stored row of a sealed table. */
export function sealRow(table: SealedTable, row: StoredRow): RecordSeal {
  // One serialisation per value serves both digests: the row's canonical JSON is its members in
  // key order (what canonicalJson(row) gives; a test holds the two equal), so bulk imports
  // serialise each row once.
  const columns = Object.keys(row);
  const values = columns.map((c) => canonicalJson(row[c]));
  const members = columns.map((c, i) => [c, values[i]!] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const json = `{${members.map(([c, v]) => `${JSON.stringify(c)}:${v}`).join(',')}}`;
  return {
    record_table: table,
    record_id: String(row.id),
    record_hlc: String(row.hlc),
    digest: createHash('sha256').update(json).digest('hex'),
    field_digests: values.map(checkDigits).join(''),
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
  return createHash('sha256').update(canonicalJson(rows)).digest('hex');
}
