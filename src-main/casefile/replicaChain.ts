import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Actor } from './Actor';
import { type ChainHead, chainIsBehind } from './chainRegister';

/** A copy found restored from a backup: the chain it would have forked, and how far it was. */
export interface RestoredChain {
  previousChain: string;
  fileHead: ChainHead | null;
  registeredHead: ChainHead;
}

function storeReplica(db: Database.Database, replica: { id: string; file: string }): void {
  db.prepare("INSERT INTO device_meta (key, value) VALUES ('replica', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(replica));
}

/**
 * The id of the audit chain (and HLC tie-breaker) this copy of the case file writes under:
 * `<device>-<replica>`. A copy of the file (cp, a received share, a USB stick) is a new replica
 * the first time it is written, detected by its inode, so two copies edited on one machine never
 * write the same chain positions and their merge never sees a fork. A file restored from a backup
 * over the original (same inode) is told by the chain register (chainRegister.ts): when its chain
 * is behind what this computer already wrote, it continues on a new replica, and `restored` says
 * so (appendAudit records it).
 */
export function replicaChain(db: Database.Database, filePath: string, actor: Actor): { chain: string; restored: RestoredChain | null } {
  const stat = fs.statSync(filePath);
  const here = `${stat.dev}:${stat.ino}`;
  const stored = db.prepare("SELECT value FROM device_meta WHERE key = 'replica'").pluck().get() as string | undefined;
  let replica: { id: string; file: string } | null = null;
  try {
    replica = stored ? (JSON.parse(stored) as { id: string; file: string }) : null;
  } catch {
    replica = null;
  }
  if (!replica || replica.file !== here) {
    replica = { id: randomBytes(4).toString('hex'), file: here };
    storeReplica(db, replica);
    return { chain: `${actor.device}-${replica.id}`, restored: null };
  }
  const chain = `${actor.device}-${replica.id}`;
  const behind = chainIsBehind(db, chain);
  if (!behind) return { chain, restored: null };
  return { chain: startNewReplica(db, filePath, actor), restored: { previousChain: chain, fileHead: behind.file, registeredHead: behind.registered } };
}

/**
 * Makes this copy a new replica (a new audit chain id), for a copy found restored from a backup.
 * Call inside the transaction that records why; the stored replica is rolled back with it.
 */
export function startNewReplica(db: Database.Database, filePath: string, actor: Actor): string {
  const stat = fs.statSync(filePath);
  const replica = { id: randomBytes(4).toString('hex'), file: `${stat.dev}:${stat.ino}` };
  storeReplica(db, replica);
  return `${actor.device}-${replica.id}`;
}
