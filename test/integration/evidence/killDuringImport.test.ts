import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { verifyEvidence } from '../../../src-main/evidence/verifyEvidence';
import { compiledScript } from '../../helpers/compiledScript';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, newTestCase } from '../../helpers/testCase';
import { writeBulkFile } from '../../unit/evidence/evidenceFiles';

const CHILD = path.join(import.meta.dirname, 'importChild.ts');
/** Larger than the 32 MiB page cache, so SQLite spills pages into the file before commit. */
const FILE_BYTES = 40 * 1024 * 1024;
const KILLS = 20;

interface ChildRun {
  committed: string[];
  killed: boolean;
  importMs: number | null;
}

/** Runs the import child; kills it with SIGKILL `killAfterMs` after it starts importing (null: never). */
function runChild(casePath: string, file: string, killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiledScript(CHILD), casePath, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { committed: [], killed: false, importMs: null };
    let readyAt = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const event = JSON.parse(buffered.slice(0, newline)) as { event: string; id?: string; message?: string };
        buffered = buffered.slice(newline + 1);
        if (event.event === 'ready') {
          readyAt = performance.now();
          if (killAfterMs !== null) {
            setTimeout(() => {
              run.killed = child.kill('SIGKILL');
            }, killAfterMs);
          }
        } else if (event.event === 'committed') {
          run.importMs = performance.now() - readyAt;
          run.committed.push(event.id!);
        } else if (event.event === 'error') {
          reject(new Error(`import child failed: ${event.message}`));
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`import child exited with ${code}: ${stderr}`));
      else resolve(run);
    });
  });
}

/**
 * Everything that must hold after any crash: a sound file, whole exhibits only, all of them intact.
 * The bytes of `rehash` ('all', or the exhibits just committed) are hashed again; damage to an
 * earlier exhibit would persist, so the last round's 'all' finds it (hashing every exhibit after
 * every kill made this test the slowest of the suite, ~8 GiB hashed over 20 rounds).
 */
async function checkCaseFile(casePath: string, committed: readonly string[], rehash: 'all' | readonly string[]): Promise<number> {
  const cf: CaseFile = openCaseFile(casePath, { actor: ALICE });
  try {
    const { db } = cf;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM evidence_chunk WHERE content_sha256 LIKE 'pending-%'").pluck().get()).toBe(0);
    const incomplete = db.prepare(
      `SELECT e.id FROM evidence e LEFT JOIN evidence_content c ON c.sha256 = e.content_sha256
       WHERE c.sha256 IS NULL OR c.chunk_count <> (SELECT count(*) FROM evidence_chunk k WHERE k.content_sha256 = c.sha256)
          OR c.size_bytes <> (SELECT coalesce(sum(length(data)), 0) FROM evidence_chunk k WHERE k.content_sha256 = c.sha256)`,
    ).all();
    expect(incomplete).toEqual([]);
    const ids = db.prepare('SELECT id FROM evidence').pluck().all() as string[];
    for (const id of committed) expect(ids).toContain(id);
    // Every exhibit has exactly its import event: none was half-written, none duplicated.
    expect(db.prepare("SELECT count(*) FROM custody_event WHERE action = 'imported'").pluck().get()).toBe(ids.length);
    const results = rehash === 'all' ? await verifyEvidence(cf) : (await Promise.all(rehash.map((id) => verifyEvidence(cf, id)))).flat();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    if (rehash === 'all') expect(results).toHaveLength(ids.length);
    expect(verifyAudit(db).ok).toBe(true);
    // Verifying wrote custody events; that write replaces what a kill left of a journal
    // (a journal cut before its header is not "hot": SQLite leaves it until the next write).
    if (results.length > 0) expect(fs.existsSync(`${casePath}-journal`)).toBe(false);
    return ids.length;
  } finally {
    closeCaseFile(cf);
  }
}

describe('an import killed with SIGKILL', () => {
  it(`never leaves a partial exhibit or a damaged file (${KILLS} random kills)`, { timeout: 180_000 }, async () => {
    const created = newTestCase();
    const casePath = created.path;
    closeCaseFile(created);
    const dir = tempDir();

    const calibration = await runChild(casePath, writeBulkFile(dir, 'calibrate.bin', FILE_BYTES, 1000), null);
    const committed = [...calibration.committed];
    const importMs = calibration.importMs!;
    let killedMidImport = 0;
    for (let round = 1; round <= KILLS; round += 1) {
      const file = writeBulkFile(dir, `capture-${round}.bin`, FILE_BYTES, round);
      // Anywhere from the first chunk to just past the commit.
      const run = await runChild(casePath, file, Math.random() * importMs * 1.2);
      committed.push(...run.committed);
      if (run.committed.length === 0) killedMidImport += 1;
      fs.rmSync(file);
      expect(await checkCaseFile(casePath, committed, round === KILLS ? 'all' : run.committed)).toBeGreaterThanOrEqual(committed.length);
    }
    console.info(`kill test: import ~${Math.round(importMs)} ms; ${killedMidImport} of ${KILLS} kills before a commit was reported`);
  });
});
