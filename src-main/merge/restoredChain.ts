import path from 'node:path';
import type Database from 'better-sqlite3';
import { type AuditEntry, appendAudit, hashAuditEntry } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import type { MergeReport } from '../contract/MergeReport';
import { fileHead, registeredHead } from '../casefile/chainRegister';
import { DossierError } from '../contract/errors';
import { continueOnChain, settledChain } from '../casefile/openCaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { startNewReplica, storedReplicaChain } from '../casefile/replicaChain';
import { columnsOf } from './mergeMutableTable';

/*
 * A copy restored from a backup over the original keeps its audit chain id but not the entries
 * written on it after the backup. The register of chain heads (casefile/chainRegister) finds that
 * only on the computer that wrote them; a teammate who received a later state of the chain finds it
 * at merge: their copy holds entries of OUR chain that this file no longer has (issue 17). Only
 * this file writes its chain, so their entries are the chain's real history, and what this file
 * wrote since the restore is a fork of it.
 */

/** What a merge found about this copy's own chain, recorded in its `case.restored` entry. */
export interface RestoredByTeammate {
  previousChain: string;
  /** The chain this session had settled before (null: not yet), to go back to if the merge fails. */
  settledBefore: string | null;
  chain: string;
  forkSeq: number;
  /** The last entry of the old chain the other copy holds. */
  teammateHead: number;
  moved: { seq: number; hash: string }[];
}

/**
 * Before a merge: when the other copy holds entries of the chain this file writes beyond or
 * instead of this file's own (a restored backup), this copy continues on a new chain, with an
 * entry saying why and naming the positions; the entries it wrote on the old chain since the
 * restore are moved onto the new one whole (content, time, author and seals kept, their old
 * positions and hashes named), so the old chain can take the teammate's entries as its history.
 * Returns null when the other copy agrees with this file's chain (the usual case).
 */
export function continueRestoredChain(target: CaseFile, other: Database.Database, otherPath: string): RestoredByTeammate | null {
  // Read without settling the chain (which writes): most merges find nothing and must change nothing.
  const settled = settledChain(target);
  const previousChain = settled ?? storedReplicaChain(target.db, target.path, target.actor);
  if (previousChain === null) return null;
  const ours = prepareCached(target.db, 'SELECT hash FROM audit_entry WHERE chain = ? AND seq = ?').pluck();
  let forkSeq: number | null = null;
  let theirHead = 0;
  for (const row of other.prepare('SELECT seq, hash FROM audit_entry WHERE chain = ? ORDER BY seq').iterate(previousChain) as IterableIterator<{ seq: number; hash: string }>) {
    theirHead = row.seq;
    if (forkSeq === null && ours.get(previousChain, row.seq) !== row.hash) forkSeq = row.seq;
  }
  if (forkSeq === null) return null;
  const head = fileHead(target.db, previousChain);
  const ownHead = head?.seq ?? 0;
  const registered = registeredHead(previousChain);
  if (registered && head && registered.seq === head.seq && registered.hash === head.hash) {
    // This computer last wrote exactly what this file holds of its chain: it was not restored, so
    // the other copy's different or further entries of it were made elsewhere. Refused, never taken.
    throw new DossierError(
      'AUDIT_CHAIN_BROKEN',
      `${path.basename(otherPath)} holds entries of this copy's own audit chain ${previousChain} from ${forkSeq} on that this computer never wrote ` +
        `(it last wrote entry ${head.seq}, which this copy holds): that copy was altered. Nothing was merged.`,
    );
  }
  const forked = target.db.prepare('SELECT * FROM audit_entry WHERE chain = ? AND seq >= ? ORDER BY seq').all(previousChain, forkSeq) as AuditEntry[];
  const chain = startNewReplica(target.db, target.path, target.actor);
  continueOnChain(target, chain);
  const restored: RestoredByTeammate = { previousChain, settledBefore: settled, chain, forkSeq, teammateHead: theirHead, moved: forked.map((e) => ({ seq: e.seq, hash: e.hash })) };
  try {
    recordRestore(target, restored, ownHead, theirHead, otherPath, forked);
  } catch (error) {
    abandonRestoredChain(target, restored);
    throw error;
  }
  return restored;
}

function recordRestore(target: CaseFile, restored: RestoredByTeammate, ownHead: number, theirHead: number, otherPath: string, forked: readonly AuditEntry[]): void {
  const { previousChain, forkSeq } = restored;
  appendAudit(target, {
    action: 'case.restored',
    recordKind: 'case',
    detail: {
      previous_chain: previousChain,
      file_head_seq: ownHead,
      teammate_head_seq: theirHead,
      fork_seq: forkSeq,
      from: path.basename(otherPath),
      moved: forked.map((e) => ({ seq: e.seq, hash: e.hash })),
      reason:
        `${path.basename(otherPath)} holds entries ${forkSeq}–${theirHead} of this copy's audit chain, which this copy ` +
        (forked.length > 0 ? `replaced by its own entries ${forkSeq}–${ownHead}` : `stops before (it ends at ${ownHead})`) +
        ': it was restored from a backup. It continues on a new chain' +
        (forked.length > 0 ? '; the entries written since the restore follow this one, moved whole from the old chain.' : '.'),
    },
  });
  moveEntries(target, forked);
}

/** The restore as the merge report tells it (MergeReport.restored). */
export function describeRestore(restored: RestoredByTeammate): NonNullable<MergeReport['restored']> {
  const moved = restored.moved.length;
  return {
    previousChain: restored.previousChain,
    chain: restored.chain,
    forkSeq: restored.forkSeq,
    movedEntries: moved,
    message:
      `This copy was restored from a backup: the other copy holds entries ${restored.forkSeq}–${restored.teammateHead} of this copy's audit chain ${restored.previousChain}, ` +
      (moved > 0 ? 'where this copy had written others since the restore. ' : 'which this copy no longer had. ') +
      `It now writes on a new chain, ${restored.chain}` +
      (moved > 0 ? `; the ${moved === 1 ? 'entry' : `${moved} entries`} written here since the restore ${moved === 1 ? 'was' : 'were'} moved onto it whole.` : '.'),
  };
}

/** Undoes the in-memory chain change when the merge that made it is rolled back. */
export function abandonRestoredChain(target: CaseFile, restored: RestoredByTeammate | null): void {
  if (restored) continueOnChain(target, restored.settledBefore);
}

/**
 * Re-appends `entries` (each with its seals) on the target's current chain, then takes them off
 * their old chain. The audit tables refuse deletes by trigger; the triggers are lifted for this one
 * statement inside the merge transaction and put back exactly as they were (read from the schema).
 */
function moveEntries(target: CaseFile, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const { db } = target;
  const sealColumns = columnsOf(db, 'audit_seal');
  const sealsOf = db.prepare(`SELECT ${sealColumns.join(', ')} FROM audit_seal WHERE chain = ? AND seq = ?`);
  const insertSeal = db.prepare(`INSERT INTO audit_seal (${sealColumns.join(', ')}) VALUES (${sealColumns.map((c) => `@${c}`).join(', ')})`);
  const insertEntry = db.prepare(
    `INSERT INTO audit_entry (chain, seq, at, actor, action, record_kind, record_id, detail, prev_hash, hash, seal_digest)
     VALUES (@chain, @seq, @at, @actor, @action, @record_kind, @record_id, @detail, @prev_hash, @hash, @seal_digest)`,
  );
  let last = fileHead(db, target.chain)!;
  for (const entry of entries) {
    const { hash: _oldHash, ...rest } = entry;
    const unhashed = { ...rest, chain: target.chain, seq: last.seq + 1, prev_hash: last.hash };
    const moved = { ...unhashed, hash: hashAuditEntry(unhashed) };
    const seals = sealsOf.all(entry.chain, entry.seq) as Record<string, unknown>[];
    insertEntry.run(moved);
    for (const seal of seals) insertSeal.run({ ...seal, chain: moved.chain, seq: moved.seq });
    last = { seq: moved.seq, hash: moved.hash };
  }
  const triggers = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_entry_no_delete', 'audit_seal_no_delete')")
    .pluck()
    .all() as string[];
  db.exec('DROP TRIGGER IF EXISTS audit_entry_no_delete; DROP TRIGGER IF EXISTS audit_seal_no_delete;');
  const { chain, seq } = entries[0]!;
  db.prepare('DELETE FROM audit_seal WHERE chain = ? AND seq >= ?').run(chain, seq);
  db.prepare('DELETE FROM audit_entry WHERE chain = ? AND seq >= ?').run(chain, seq);
  for (const sql of triggers) db.exec(sql);
}
