import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, newTestCase, track } from '../../helpers/testCase';
import { writeBulkFile, writeFile } from './evidenceFiles';
import { compiledScript } from '../../helpers/compiledScript';

async function importError(promise: Promise<unknown>): Promise<DossierError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return error as DossierError;
  }
  throw new Error('expected the import to fail');
}

/** Nothing of a failed import may remain: no exhibit, no bytes, no pending chunks, a sound file. */
function expectNothingStored(cf: CaseFile, exhibits = 0): void {
  expect(cf.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(exhibits);
  expect(cf.db.prepare("SELECT count(*) FROM evidence_chunk WHERE content_sha256 LIKE 'pending-%'").pluck().get()).toBe(0);
  expect(cf.db.prepare('SELECT count(*) FROM evidence_chunk c LEFT JOIN evidence_content e ON e.sha256 = c.content_sha256 WHERE e.sha256 IS NULL').pluck().get()).toBe(0);
  expect(cf.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(cf.db.pragma('foreign_key_check')).toEqual([]);
}

describe('importEvidence with bad input', () => {
  it('refuses a missing file, and imports nothing of a batch that names one', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const good = writeFile(dir, 'good.txt', 'fine');
    const error = await importError(importEvidence(cf, [good, path.join(dir, 'missing.txt')]));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain('missing.txt');
    expectNothingStored(cf);
  });

  it('refuses a folder given as a file', async () => {
    const cf = newTestCase();
    const error = await importError(importEvidence(cf, [tempDir()]));
    expect(error.code).toBe('EVIDENCE_UNREADABLE');
    expect(error.message).toContain('is a folder');
  });

  it('refuses a named pipe without hanging on it', async () => {
    const cf = newTestCase();
    const fifo = path.join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const error = await importError(importEvidence(cf, [fifo]));
    expect(error.code).toBe('EVIDENCE_UNREADABLE');
    expect(error.message).toContain('named pipe');
  });

  it('refuses to store the case file inside itself', async () => {
    const cf = newTestCase();
    const error = await importError(importEvidence(cf, [cf.path]));
    expect(error.code).toBe('INVALID_REQUEST');
  });

  it('refuses a file it may not read (as root: checked in a child process running as nobody)', async () => {
    const dir = tempDir();
    const secret = writeFile(dir, 'secret.txt', 'classified');
    fs.chmodSync(secret, 0o000);
    if (process.getuid?.() !== 0) {
      const error = await importError(importEvidence(newTestCase(), [secret]));
      expect(error.code).toBe('EVIDENCE_UNREADABLE');
      expect(error.message).toContain('permission denied');
      return;
    }
    // Root reads anything; a process running as "nobody" sees the permission error a user would.
    const cf = newTestCase();
    const casePath = cf.path;
    closeCaseFile(cf);
    for (const p of [dir, path.dirname(casePath), casePath]) fs.chownSync(p, 65534, 65534);
    const child = spawnSync(process.execPath, [compiledScript(path.join(import.meta.dirname, '../../integration/evidence/importChild.ts')), casePath, secret], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
      timeout: 60_000,
    });
    const events = child.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; code?: string; message?: string });
    expect(events.at(-1), child.stderr).toMatchObject({ event: 'error', code: 'EVIDENCE_UNREADABLE' });
    expect(events.at(-1)!.message).toContain('permission denied');
    const reopened = track(openCaseFile(casePath, { actor: ALICE }));
    expectNothingStored(reopened);
  });

  it('refuses a file that grows while it is read, and one rewritten in place', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const growing = writeBulkFile(dir, 'live.log', 10 * 1024 * 1024, 5);
    let grown = false;
    const error = await importError(
      importEvidence(cf, [growing], {}, {
        onProgress: (p) => {
          if (p.done > 0 && !grown) {
            grown = true;
            fs.appendFileSync(growing, 'one more line\n');
          }
        },
      }),
    );
    expect(error.code).toBe('EVIDENCE_CHANGED_WHILE_READING');
    expectNothingStored(cf);

    const rewritten = writeBulkFile(dir, 'report.bin', 10 * 1024 * 1024, 6);
    let touched = false;
    const second = await importError(
      importEvidence(cf, [rewritten], {}, {
        onProgress: (p) => {
          if (p.done > 0 && !touched) {
            touched = true;
            const fd = fs.openSync(rewritten, 'r+');
            fs.writeSync(fd, Buffer.from('tampered'), 0, 8, 5 * 1024 * 1024);
            fs.closeSync(fd);
          }
        },
      }),
    );
    expect(second.code).toBe('EVIDENCE_CHANGED_WHILE_READING');
    expectNothingStored(cf);
  });

  it('rolls back cleanly when the disk fills mid-import, and the file stays usable', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    await importEvidence(cf, [writeFile(dir, 'before.txt', 'kept')]);
    const pages = cf.db.pragma('page_count', { simple: true }) as number;
    // 64 KiB pages: 20 more pages is ~1.3 MB, far less than the 12 MB file needs.
    cf.db.pragma(`max_page_count = ${pages + 20}`);
    const error = await importError(importEvidence(cf, [writeBulkFile(dir, 'big.bin', 12 * 1024 * 1024, 9)]));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toContain('Nothing from this file was stored');
    expectNothingStored(cf, 1);
    cf.db.pragma('max_page_count = 4294967294');
    const { items } = await importEvidence(cf, [path.join(dir, 'big.bin')]);
    expect(items[0]!.evidence.size_bytes).toBe(12 * 1024 * 1024);
  });

  it('cancels: the file being imported leaves nothing, files finished before stay', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const first = writeBulkFile(dir, 'first.bin', 2 * 1024 * 1024, 11);
    const second = writeBulkFile(dir, 'second.bin', 12 * 1024 * 1024, 12);
    const controller = new AbortController();
    const error = await importError(
      importEvidence(cf, [first, second], {}, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.message?.includes('2 of 2') && p.done > 2 * 1024 * 1024) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toContain('Exhibit 1');
    expect((error.details?.imported as string[]).length).toBe(1);
    expectNothingStored(cf, 1);
    expect(cf.db.prepare('SELECT original_name FROM evidence').pluck().all()).toEqual(['first.bin']);

    const already = new AbortController();
    already.abort();
    expect((await importError(importEvidence(cf, [second], {}, { signal: already.signal }))).code).toBe('CANCELLED');
    expectNothingStored(cf, 1);
  });

  it('refuses an exhibit label for several files at once', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const error = await importError(importEvidence(cf, [writeFile(dir, 'a.txt', 'a'), writeFile(dir, 'b.txt', 'b')], { exhibit_label: 'PX-1' }));
    expect(error.code).toBe('INVALID_REQUEST');
  });
});
