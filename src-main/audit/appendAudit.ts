import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type RecordSeal, type SealedTable, sealRow, sealSetDigest } from '../casefile/recordDigest';
import type { CaseFile } from '../casefile/CaseFile';
import type { AuditEntry } from '../contract/DossierApi';
import { canonicalJson } from '../casefile/canonicalJson';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { takeRestoredChain } from '../casefile/restoredChainNote';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  recordKind?: string | null;
  recordId?: string | null;
  detail?: Record<string, unknown>;
  /**
   * Records whose state after the change this entry seals (in addition to recordKind/recordId,
   * which is sealed automatically when it names a sealed record). Bulk writers pass every row a
   * batch wrote; custody passes the event it appended.
   */
  seal?: readonly { table: SealedTable; id: string }[];
  /**
   * Seals already computed by the writer from the very values it inserted (SealedRowInserter), so
   * a bulk batch need not read its rows back. Sealed like `seal`.
   */
  sealed?: readonly RecordSeal[];
}

/** The table a record kind lives in, for the kinds whose rows the chain seals. */
const KIND_TABLES: Readonly<Record<string, SealedTable>> = {
  case: 'case_info', evidence: 'evidence', website: 'website', order: 'court_order', stakeholder: 'stakeholder',
  note: 'note', link: 'link', team_member: 'team_member', redaction: 'redaction',
};

export type { AuditEntry };

/**
 * The hash of an entry covers every field and the previous entry's hash, and its seal digest when
 * it has one (entries written before schema 5 have none and keep their hashes). Must match
 * verifyAudit and the baseline of migration 0050.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    ...(entry.seal_digest ? { seal_digest: entry.seal_digest } : {}),
    chain: entry.chain,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    record_kind: entry.record_kind,
    record_id: entry.record_id,
    detail: entry.detail,
    prev_hash: entry.prev_hash,
  });
  return createHash('sha256').update(body).digest('hex');
}

/** Appends to this device's chain. Call inside the transaction that makes the change it records. */
export function appendAudit(caseFile: CaseFile, input: AuditInput): AuditEntry {
  const { db, actor } = caseFile;
  // Resolving the chain is what finds a copy restored from a backup: say so on the new chain first.
  const restored = caseFile.chain && takeRestoredChain(caseFile);
  if (restored) {
    appendAudit(caseFile, {
      action: 'case.restored',
      recordKind: 'case',
      detail: {
        previous_chain: restored.previousChain,
        file_head_seq: restored.fileHead?.seq ?? 0,
        registered_head_seq: restored.registeredHead.seq,
        reason: 'this copy is behind what this computer already wrote on its audit chain (restored from a backup); it continues on a new chain',
      },
    });
  }
  const seals = sealsFor(db, input);
  const last = prepareCached(db, 'SELECT seq, hash FROM audit_entry WHERE chain = ? ORDER BY seq DESC LIMIT 1')
    .get(caseFile.chain) as { seq: number; hash: string } | undefined;
  const unhashed = {
    chain: caseFile.chain,
    seq: (last?.seq ?? 0) + 1,
    at: nowIso(),
    actor: actor.name,
    action: input.action,
    record_kind: input.recordKind ?? null,
    record_id: input.recordId ?? null,
    // Round-trip through JSON first: callers may pass undefined fields, which canonical JSON refuses.
    detail: canonicalJson(JSON.parse(JSON.stringify(input.detail ?? {})) as unknown),
    prev_hash: last?.hash ?? GENESIS_HASH,
    seal_digest: seals.length > 0 ? sealSetDigest(seals) : null,
  };
  const entry: AuditEntry = { ...unhashed, hash: hashAuditEntry(unhashed) };
  prepareCached(
    db,
    `INSERT INTO audit_entry (chain, seq, at, actor, action, record_kind, record_id, detail, prev_hash, hash, seal_digest)
     VALUES (@chain, @seq, @at, @actor, @action, @record_kind, @record_id, @detail, @prev_hash, @hash, @seal_digest)`,
  ).run(entry);
  const insertSeal = prepareCached(
    db,
    'INSERT INTO audit_seal (chain, seq, record_table, record_id, record_hlc, digest, field_digests) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of seals) insertSeal.run(entry.chain, entry.seq, s.record_table, s.record_id, s.record_hlc, s.digest, s.field_digests);
  return entry;
}

/** The seals of the records an entry covers, each read as stored now (after the change). */
function sealsFor(db: Database.Database, input: AuditInput): RecordSeal[] {
  const wanted = [...(input.seal ?? [])];
  const kindTable = input.recordKind ? KIND_TABLES[input.recordKind] : undefined;
  if (kindTable && input.recordId) wanted.push({ table: kindTable, id: input.recordId });
  const seen = new Set<string>();
  const seals: RecordSeal[] = [];
  for (const { table, id } of wanted) {
    const key = `${table}\u0000${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = prepareCached(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (row) seals.push(sealRow(table, row));
  }
  // A record both precomputed and named in `seal` (inserted, then merged into later in the same
  // batch) is sealed as read back above: the precomputed seal is of its state before the merge.
  for (const s of input.sealed ?? []) {
    const key = `${s.record_table}\u0000${s.record_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    seals.push(s);
  }
  return seals;
}
