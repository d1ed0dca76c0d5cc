import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APPLICATION_ID } from '../../src-main/casefile/CaseFile';
import { migrate } from '../../src-main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/casefile/migrations/index';
import { fileSha256 } from '../helpers/fileHash';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');
/** As root, file modes do not stop writes: the read-only runs go as `nobody`, like a user without write access. */
const AS_OTHER_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function runWithoutWriteAccess(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    ...AS_OTHER_USER,
    env: { ...process.env, DOSSIER_ACTOR: 'Read Only', HOME: '/tmp' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Everything in the folder, with each file's hash: journals, backups or changes all show. */
function snapshotFolder(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fileSha256(path.join(dir, name))]));
}

function readCommands(file: string, ids: { note: string; exhibit: string }): string[][] {
  return [
    ['info', file],
    ['list', file, 'notes'],
    ['show', file, ids.note],
    ['search', file, 'captcha'],
    ['timeline', file],
    ['audit', 'verify', file],
    ['custody', file, ids.exhibit],
    ['packet', file, '--check', '--profile', 'generic-50mb', '--declarant', 'Jane Roe'],
    ['check', file],
  ];
}

function demoCase(): { dir: string; file: string; ids: { note: string; exhibit: string } } {
  const dir = tempDir();
  const file = path.join(dir, 'storm.dossier');
  runCliJson(['demo', file]);
  const note = runCliJson<{ items: { id: string }[] }>(['list', file, 'notes']).items[0]!.id;
  const exhibit = runCliJson<{ items: { id: string }[] }>(['list', file, 'evidence']).items[0]!.id;
  return { dir, file, ids: { note, exhibit } };
}

describe('read-only is a mode, not an error', () => {
  it('read commands leave a writable case file and its folder byte-identical', { timeout: 600_000 }, () => {
    const { dir, file, ids } = demoCase();
    const before = snapshotFolder(dir);
    for (const args of readCommands(file, ids)) {
      const result = runCli([...args, '--json']);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(snapshotFolder(dir), args.join(' ')).toEqual(before);
    }
  });

  it('a case file nobody may write to can be read and verified; verify says its custody event was not recorded', { timeout: 600_000 }, () => {
    const { dir, file, ids } = demoCase();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    try {
      const before = snapshotFolder(dir);
      for (const args of readCommands(file, ids)) {
        const result = runWithoutWriteAccess([...args, '--json']);
        expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      }
      const verify = runWithoutWriteAccess(['evidence', 'verify', file]);
      expect(verify.status, verify.stderr).toBe(0);
      expect(verify.stdout).toMatch(/verified/);
      expect(verify.stdout).toMatch(/custody event was not recorded: the case file is read-only/i);
      const json = runWithoutWriteAccess(['evidence', 'verify', file, '--json']);
      const results = JSON.parse(json.stdout) as { ok: boolean; custody_recorded: boolean }[];
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.ok && r.custody_recorded === false)).toBe(true);
      const write = runWithoutWriteAccess(['note', 'add', file, '--title', 'x', '--body', 'y']);
      expect(write.status).toBe(1);
      expect(write.stderr).toMatch(/\[READ_ONLY\]\n$/);
      expect(snapshotFolder(dir)).toEqual(before);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(file, 0o644);
    }
  });

  it('reading an older schema names the upgrade and changes nothing; only a write migrates, after a backup', { timeout: 600_000 }, () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.dossier');
    const db = new Database(file);
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    const older = MIGRATIONS.filter((m) => m.version < LATEST_SCHEMA_VERSION);
    migrate(db, file, older);
    db.prepare(`INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', 'x', 'a', 'x', 'a', 'h')`).run();
    db.close();
    const before = snapshotFolder(dir);
    // This version reads no older schema with its own queries: reading names the upgrade instead.
    const info = runCli(['info', file]);
    expect(info.stderr).toMatch(/older Dossier.*\[CASE_FILE_NEEDS_UPGRADE\]\n$/);
    expect(info.status).toBe(1);
    expect(snapshotFolder(dir)).toEqual(before);
    const write = runCli(['note', 'add', file, '--title', 'Upgrade me', '--body', 'x']);
    expect(write.status, write.stderr).toBe(0);
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(fileSha256(path.join(dir, backups[0]!))).toBe(before['old.dossier']);
    expect(runCliJson<{ info: { title: string } }>(['info', file]).info.title).toBe('Old case');
  });

  it('a file from a newer version or a foreign SQLite file: every command names it and leaves the folder byte-identical', { timeout: 600_000 }, () => {
    const { dir, file } = demoCase();
    const newer = path.join(dir, 'newer.dossier');
    fs.copyFileSync(file, newer);
    fs.rmSync(file);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const foreign = path.join(dir, 'foreign.dossier');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = snapshotFolder(dir);
    for (const [target, code] of [[newer, 'CASE_FILE_FROM_NEWER_VERSION'], [foreign, 'NOT_A_CASE_FILE']] as const) {
      for (const args of [['info', target], ['check', target], ['evidence', 'verify', target], ['note', 'add', target, '--title', 'x', '--body', 'y']]) {
        const result = runCli(args);
        expect(result.status, args.join(' ')).not.toBe(0);
        expect(result.stderr, args.join(' ')).toMatch(new RegExp(`\\[${code}\\]\n$`));
      }
    }
    expect(snapshotFolder(dir)).toEqual(before);
  });
});
