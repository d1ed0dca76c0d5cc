import type Database from 'better-sqlite3';
import { type AuditEntry, GENESIS_HASH, hashAuditEntry } from './appendAudit';

export interface AuditChainHead {
  chain: string;
  length: number;
  headHash: string;
  lastAt: string | null;
}

export interface AuditBreak {
  chain: string;
  seq: number;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  entriesChecked: number;
  chains: AuditChainHead[];
  firstBreak: AuditBreak | null;
}

/**
 * Recomputes every chain entry by entry (streamed, so a long log is not loaded at once) and
 * reports the first entry whose hash, link or numbering does not hold.
 */
export function verifyAudit(db: Database.Database): AuditVerification {
  const chains: AuditChainHead[] = [];
  let firstBreak: AuditBreak | null = null;
  let entriesChecked = 0;
  const chainIds = db.prepare('SELECT DISTINCT chain FROM audit_entry ORDER BY chain').pluck().all() as string[];
  const rows = db.prepare('SELECT * FROM audit_entry WHERE chain = ? ORDER BY seq');
  for (const chain of chainIds) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let lastAt: string | null = null;
    for (const row of rows.iterate(chain) as IterableIterator<AuditEntry>) {
      entriesChecked += 1;
      if (!firstBreak) {
        const { hash, ...rest } = row;
        if (row.seq !== expectedSeq) firstBreak = { chain, seq: row.seq, reason: `entry ${expectedSeq} is missing` };
        else if (row.prev_hash !== prevHash) firstBreak = { chain, seq: row.seq, reason: 'does not link to the previous entry' };
        else if (hashAuditEntry(rest) !== hash) firstBreak = { chain, seq: row.seq, reason: 'content does not match its hash' };
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      lastAt = row.at;
    }
    chains.push({ chain, length: expectedSeq - 1, headHash: prevHash, lastAt });
  }
  return { ok: firstBreak === null, entriesChecked, chains, firstBreak };
}

/** Chain heads only (for packets and share manifests), without re-hashing. */
export function auditHeads(db: Database.Database): AuditChainHead[] {
  return db
    .prepare(
      `SELECT a.chain, a.seq AS length, a.hash AS headHash, a.at AS lastAt FROM audit_entry a
       JOIN (SELECT chain, max(seq) AS seq FROM audit_entry GROUP BY chain) m ON m.chain = a.chain AND m.seq = a.seq
       ORDER BY a.chain`,
    )
    .all() as AuditChainHead[];
}
