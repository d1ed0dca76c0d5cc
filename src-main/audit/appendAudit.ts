import { createHash } from 'node:crypto';
import type { CaseFile } from '../casefile/CaseFile';
import type { AuditEntry } from '../contract/DossierApi';
import { canonicalJson } from '../casefile/canonicalJson';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  recordKind?: string | null;
  recordId?: string | null;
  detail?: Record<string, unknown>;
}

export type { AuditEntry };

/** The hash of an entry covers every field and the previous entry's hash. Must match verifyAudit. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
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
  };
  const entry: AuditEntry = { ...unhashed, hash: hashAuditEntry(unhashed) };
  prepareCached(
    db,
    `INSERT INTO audit_entry (chain, seq, at, actor, action, record_kind, record_id, detail, prev_hash, hash)
     VALUES (@chain, @seq, @at, @actor, @action, @record_kind, @record_id, @detail, @prev_hash, @hash)`,
  ).run(entry);
  return entry;
}
