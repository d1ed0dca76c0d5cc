import type Database from 'better-sqlite3';
import { type AuditEntry, GENESIS_HASH, hashAuditEntry } from './appendAudit';

/*
 * A copy found restored from a backup by a merge (merge/restoredChain) moves the entries it wrote
 * on its old chain since the restore onto a new chain, whole, after a `case.restored` entry that
 * names their old positions and hashes. A checkpoint taken before the move (a packet exported from
 * that copy) certifies one of those old hashes; it must still verify, and only by proof: each old
 * hash is recomputed here from the moved entry itself at its old position, linked from the old
 * chain's entry before the fork, and must equal the hash the restore entry names.
 */

interface RestoreDetail {
  previous_chain?: unknown;
  fork_seq?: unknown;
  moved?: unknown;
}

/** For `chain`: old position -> old hash of every entry proven moved off it. Empty when none were. */
export function movedChainHashes(db: Database.Database, chain: string): Map<number, string> {
  const proven = new Map<number, string>();
  const restores = db.prepare("SELECT chain, seq, detail FROM audit_entry WHERE action = 'case.restored'").all() as { chain: string; seq: number; detail: string }[];
  const entryAt = db.prepare('SELECT * FROM audit_entry WHERE chain = ? AND seq = ?');
  for (const restore of restores) {
    const detail = JSON.parse(restore.detail) as RestoreDetail;
    if (detail.previous_chain !== chain || typeof detail.fork_seq !== 'number' || !Array.isArray(detail.moved)) continue;
    const forkSeq = detail.fork_seq;
    let prev = forkSeq === 1 ? GENESIS_HASH : ((entryAt.get(chain, forkSeq - 1) as AuditEntry | undefined)?.hash ?? null);
    for (const [i, named] of (detail.moved as { seq?: unknown; hash?: unknown }[]).entries()) {
      const moved = entryAt.get(restore.chain, restore.seq + 1 + i) as AuditEntry | undefined;
      if (!moved || prev === null || named.seq !== forkSeq + i) break;
      const { hash: _now, ...rest } = moved;
      const old = hashAuditEntry({ ...rest, chain, seq: forkSeq + i, prev_hash: prev });
      if (old !== named.hash) break;
      proven.set(forkSeq + i, old);
      prev = old;
    }
  }
  return proven;
}
