import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateUserIdentity, type UserIdentity } from '../../../src-main/share/userIdentity';

/** A fresh temp folder, removed by the returned cleanup. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A case-file-like SQLite database: page_size 65536, rollback journal (as the real case file),
 * with about `blobBytes` of incompressible evidence-like data in 1 MiB chunks.
 */
export function makeCaseFile(filePath: string, blobBytes = 256 * 1024): void {
  const db = new Database(filePath);
  try {
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE evidence_chunk (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL) STRICT');
    db.exec("CREATE TABLE note (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT");
    db.prepare('INSERT INTO note VALUES (?, ?)').run('n1', 'first note');
    const insert = db.prepare('INSERT INTO evidence_chunk (bytes) VALUES (?)');
    const chunk = 1024 * 1024;
    db.transaction(() => {
      for (let left = blobBytes; left > 0; left -= chunk) insert.run(randomBytes(Math.min(chunk, left)));
    })();
  } finally {
    db.close();
  }
}

/** Identities are cheap but each test file reuses a few. */
export async function makeTeam<Names extends string[]>(...names: Names): Promise<{ [K in keyof Names]: UserIdentity }> {
  return (await Promise.all(names.map((name) => generateUserIdentity(name)))) as { [K in keyof Names]: UserIdentity };
}

/** Writes an age identity file (`AGE-SECRET-KEY-1...`) for the age CLI's -i. */
export function writeAgeIdentityFile(dir: string, identity: UserIdentity): string {
  const file = path.join(dir, `${identity.name.replace(/\W/g, '_')}.key`);
  fs.writeFileSync(file, `${identity.ageIdentity}\n`, { mode: 0o600 });
  return file;
}

/** Runs the Debian age CLI; returns stdout. Throws with stderr on failure. */
export function ageCli(args: string[], input?: Uint8Array): Buffer {
  return execFileSync('/usr/bin/age', args, { input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Lists a tar with GNU tar. */
export function tarList(tarPath: string): string[] {
  return execFileSync('tar', ['-tf', tarPath], { encoding: 'utf8' }).trim().split('\n');
}

/** SHA-256 hex of a file (small files only, in tests). */
export function sha256Hex(filePath: string): string {
  return execFileSync('sha256sum', [filePath], { encoding: 'utf8' }).split(' ')[0]!;
}

export const manifestFields = {
  caseId: '0193a5c2-7e1f-7a3b-9c4d-112233445566',
  caseTitle: 'Storm-1152 marketplace takedown',
  auditHeads: [{ chainId: 'alice-laptop', seq: 41, hash: 'ab'.repeat(32) }],
  appVersion: '0.1.0',
};
