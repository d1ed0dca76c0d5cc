import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFile } from '../../src-main/share/keyFile';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Every regular file below `dir`, hidden folders included. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function isSqlite(file: string): boolean {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

function snapshotsBelow(dir: string): string[] {
  return filesBelow(dir).filter((f) => f.includes('.dossier-share-') && path.basename(f) === 'case.dossier');
}

describe('a share killed midway', () => {
  it('leaves no plain-text snapshot in the output folder; its private snapshot (0600) is swept by the next share', async () => {
    const caseDir = tempDir();
    const outDir = tempDir();
    const alice = await generateUserIdentity('Alice Example');
    const key = path.join(tempDir(), 'alice.dossier-key');
    await createKeyFile(key, alice, 'alice pass', { scryptWorkFactor: 10 });
    const env = { ...process.env, DOSSIER_ACTOR: 'CLI Tester', DOSSIER_PASSPHRASE: 'alice pass' };
    const caseFile = path.join(caseDir, 'storm.dossier');
    runCliJson(['new', caseFile, '--title', 'Storm']);
    const big = path.join(tempDir(), 'disk.img');
    const block = Buffer.alloc(1 << 20);
    const fd = fs.openSync(big, 'w');
    for (let i = 0; i < 96; i++) fs.writeSync(fd, block.fill(i * 7 + 1));
    fs.closeSync(fd);
    runCliJson(['evidence', 'add', caseFile, big]);

    const child = spawn(process.execPath, [BIN, 'share', caseFile, '--to', alice.publicIdentity.ageRecipient, '--out', path.join(outDir, 'x.dossier.age'), '--identity', key], { env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let seenMode: number | null = null;
    for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 5) {
      const snapshot = [...snapshotsBelow(caseDir), ...snapshotsBelow(outDir)].find((f) => fs.statSync(f, { throwIfNoEntry: false })?.size);
      if (snapshot) {
        seenMode = fs.statSync(snapshot).mode & 0o777;
        child.kill('SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await exited, 'the share must still be running when its snapshot exists, to be killed midway').toBe('SIGKILL');
    expect(seenMode).toBe(0o600);
    const readable = filesBelow(outDir).filter(isSqlite);
    expect(readable).toEqual([]);
    expect(fs.readdirSync(outDir)).toEqual([]);

    // The next share sweeps what the killed one left beside the case.
    const again = runCli(['share', caseFile, '--to', alice.publicIdentity.ageRecipient, '--out', path.join(outDir, 'y.dossier.age'), '--identity', key], { env });
    expect(again.status, again.stderr).toBe(0);
    expect(snapshotsBelow(caseDir)).toEqual([]);
    expect(fs.readdirSync(caseDir).filter((n) => n.startsWith('.dossier-share-'))).toEqual([]);
    expect(filesBelow(outDir).filter(isSqlite)).toEqual([]);
  }, 120_000);
});
