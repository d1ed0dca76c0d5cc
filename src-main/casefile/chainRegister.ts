import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';

/*
 * What this computer last wrote on each audit chain (replica), kept outside the case file: a copy
 * restored from a backup carries its old chain position, and its own content cannot tell it was
 * restored. Writing on from there would fork the chain from what teammates already hold, and
 * every later merge would fail with AUDIT_CHAIN_BROKEN (issue 17). One small file per chain, so
 * processes writing different case files never share one. $DOSSIER_STATE_DIR moves it (tests).
 */

export interface ChainHead {
  seq: number;
  hash: string;
}

/** Where chain heads are kept. */
export function chainRegisterDir(): string {
  return process.env.DOSSIER_STATE_DIR ?? path.join(os.homedir(), '.local', 'state', 'dossier', 'chains');
}

function registerFile(chain: string): string {
  return path.join(chainRegisterDir(), `${chain.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
}

/** The head this computer last recorded for `chain`, or null (never written here, or unreadable). */
export function registeredHead(chain: string): ChainHead | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(registerFile(chain), 'utf8')) as Partial<ChainHead>;
    return typeof parsed.seq === 'number' && typeof parsed.hash === 'string' ? { seq: parsed.seq, hash: parsed.hash } : null;
  } catch {
    return null;
  }
}

/** The head of `chain` in this case file, or null when it has no entry there. */
export function fileHead(db: Database.Database, chain: string): ChainHead | null {
  return (db.prepare('SELECT seq, hash FROM audit_entry WHERE chain = ? ORDER BY seq DESC LIMIT 1').get(chain) as ChainHead | undefined) ?? null;
}

/**
 * Records the head of `chain` as this file now holds it (called when a case file that wrote is
 * closed). Best effort: a register that cannot be written only weakens restore detection, and
 * must never make closing a case fail.
 */
export function registerHead(db: Database.Database, chain: string): void {
  const head = fileHead(db, chain);
  if (!head) return;
  try {
    fs.mkdirSync(chainRegisterDir(), { recursive: true, mode: 0o700 });
    const file = registerFile(chain);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(head), { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    // Restore detection for this chain falls back to what teammates' copies show at merge.
  }
}

/**
 * True when this file is behind what this computer already wrote on `chain` (a restored backup):
 * its head is older than the registered one, or its entry at that position is another one.
 */
export function chainIsBehind(db: Database.Database, chain: string): { registered: ChainHead; file: ChainHead | null } | null {
  const registered = registeredHead(chain);
  if (!registered) return null;
  const file = fileHead(db, chain);
  if (file && file.seq > registered.seq) return null;
  const atRegistered = db.prepare('SELECT hash FROM audit_entry WHERE chain = ? AND seq = ?').pluck().get(chain, registered.seq) as string | undefined;
  return atRegistered === registered.hash ? null : { registered, file };
}
