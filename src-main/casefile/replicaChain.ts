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

/** Which file this is on this computer (device and inode): a copy is another file. */
function fileIdentity(filePath: string): string {
  const stat = fs.statSync(filePath);
  return `${stat.dev}:${stat.ino}`;
}

/** The replica this file last wrote as, or null (never written, or unreadable). */
function storedReplica(db: Database.Database): { id: string; file: string } | null {
  const stored = db.prepare("SELECT value FROM device_meta WHERE key = 'replica'").pluck().get() as string | undefined;
  try {
    return stored ? (JSON.parse(stored) as { id: string; file: string }) : null;
  } catch {
    return null;
  }
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
  const here = fileIdentity(filePath);
  let replica = storedReplica(db);
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
  const replica = { id: randomBytes(4).toString('hex'), file: fileIdentity(filePath) };
  storeReplica(db, replica);
  return `${actor.device}-${replica.id}`;
}

/**
 * The chain this file has written under, read without writing anything: the stored replica's when
 * it belongs to this very file (same inode), else null (a copy not written yet has no chain of its
 * own that another copy could hold). Looking for a restore must not settle the chain: that write
 * would change an otherwise untouched file.
 */
export function storedReplicaChain(db: Database.Database, filePath: string, actor: Actor): string | null {
  const replica = storedReplica(db);
  return replica && replica.file === fileIdentity(filePath) ? `${actor.device}-${replica.id}` : null;
}
