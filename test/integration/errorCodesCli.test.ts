import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { damageRootPage } from '../helpers/damagePage';
import { fileSha256 } from '../helpers/fileHash';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

function newCase(): string {
  const file = path.join(tempDir(), 'f.dossier');
  runCliJson(['new', file, '--title', 'Exit statuses']);
  return file;
}

/** One line on stderr ending in the code, no stack trace. */
function expectRefusal(result: { status: number | null; stderr: string }, status: number, code: string): void {
  expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(new RegExp(`\\[${code}\\]\\n$`));
  expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  expect(result.status).toBe(status);
}

describe('the CLI exits with the status of the error code', () => {
  it('site add "has space.com" exits 2 with CONTAINS_SPACE', () => {
    expectRefusal(runCli(['site', 'add', newCase(), 'has space.com']), 2, 'CONTAINS_SPACE');
  });

  it('a packet into a folder that does not exist exits 2 with FILE_NOT_FOUND and writes nothing', () => {
    const file = newCase();
    const out = path.join(path.dirname(file), 'missing', 'p.pdf');
    expectRefusal(runCli(['packet', file, '--out', out, '--sections', 'cover']), 2, 'FILE_NOT_FOUND');
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  it('a write while another program holds the write lock exits 5 with CASE_FILE_LOCKED, nothing changed', () => {
    const file = newCase();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = runCli(['note', 'add', file, '--title', 'Blocked', '--body', 'x']);
      expectRefusal(result, 5, 'CASE_FILE_LOCKED');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(runCliJson<{ items: unknown[] }>(['list', file, 'notes']).items).toEqual([]);
  });

  it('a damaged case file exits 1 with CASE_FILE_CORRUPT, not "unexpected error"', () => {
    const file = newCase();
    runCliJson(['note', 'add', file, '--title', 'Plan', '--body', 'x']);
    damageRootPage(file, 'note');
    const before = fileSha256(file);
    expectRefusal(runCli(['list', file, 'notes']), 1, 'CASE_FILE_CORRUPT');
    expect(fileSha256(file)).toBe(before);
  });
});

describe('a cancelled packet export is CANCELLED in the CLI', () => {
  it('Ctrl-C while the packet is being written stops it: CANCELLED on stderr, exit 1, no file left', { timeout: 600_000 }, async () => {
    const dir = tempDir();
    const file = path.join(dir, 'storm.dossier');
    runCliJson(['demo', file]);
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../bin/dossier.js'), 'packet', file, '--out', path.join(outDir, 'p.pdf'), '--profile', 'generic-50mb', '--declarant', 'Jane Roe'], {
      env: { ...process.env, DOSSIER_ACTOR: 'CLI Tester' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The exporter writes a temp file beside the target: once it exists, the export is under way.
    while (fs.readdirSync(outDir).length === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    const status = await exited;
    expect(stderr).toMatch(/cancelled.*\[CANCELLED\]\n$/);
    expect(status).toBe(1);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });
});

describe('packet failures keep their code over the contract', () => {
  it('a missing output folder is FILE_NOT_FOUND and a cancelled export is CANCELLED', async () => {
    const { CaseSession } = await import('../../src-main/api/CaseSession');
    const { dispatch } = await import('../../src-main/api/dispatch');
    const { buildDemoCase } = await import('../../src-main/demo/buildDemoCase');
    const { ALICE } = await import('../helpers/testCase');
    const dir = tempDir();
    const session = new CaseSession(ALICE);
    session.replace(await buildDemoCase(path.join(dir, 'ui.dossier'), ALICE));
    try {
      const missing = await dispatch(session, 'packet.export', { outPath: path.join(dir, 'nope', 'p.pdf'), options: {} });
      expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND', message: expect.stringContaining('does not exist') } });
      const running = dispatch(session, 'packet.export', { outPath: path.join(dir, 'p.pdf'), options: { profile: 'generic-50mb', declarant: { name: 'Jane Roe' } }, taskId: 'export-1' });
      expect(await dispatch(session, 'tasks.cancel', { taskId: 'export-1' })).toEqual({ ok: true, value: null });
      expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.includes('.tmp'))).toEqual([]);
    } finally {
      session.close();
    }
  });
});
