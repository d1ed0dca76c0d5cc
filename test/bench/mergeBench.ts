import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCase } from '../../src-main/case/caseInfo';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { mergeCaseFile } from '../../src-main/merge/mergeCaseFile';
import { noteSpec } from '../../src-main/notes/noteService';
import { insertRecord } from '../../src-main/records/insertRecord';
import { updateRecord } from '../../src-main/records/updateRecord';
import { appendAudit } from '../../src-main/audit/appendAudit';
import { type Figure, latencyFigure } from './Figure';

const BATCH = 5000;

/** Writes `ids.length` changes in batches, each batch sealed by one audit entry (as bulk imports do). */
function inBatches(caseFile: ReturnType<typeof createCase>, count: number, write: (i: number) => string): string[] {
  const ids: string[] = [];
  for (let b = 0; b < count; b += BATCH) {
    writeTransaction(caseFile, () => {
      const batch: string[] = [];
      for (let i = b; i < Math.min(count, b + BATCH); i += 1) batch.push(write(i));
      appendAudit(caseFile, { action: 'bench.batch', detail: { rows: batch.length }, seal: batch.map((id) => ({ table: 'note' as const, id })) });
      ids.push(...batch);
    });
  }
  return ids;
}

/**
 * Merging a teammate's copy that changed DOSSIER_BENCH_MERGE_ROWS records (default 100,000: that
 * many change messages) against copying the case file, in the same run; and a merge that brings
 * nothing new (quiescent: reads both, writes nothing) against the same copy.
 */
export function mergeBench(): Figure[] {
  const rows = Number(process.env.DOSSIER_BENCH_MERGE_ROWS ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-merge-'));
  const alice = { name: 'Alice', device: 'bench-alice' };
  const bob = { name: 'Bob', device: 'bench-bob' };
  try {
    const base = createCase(path.join(dir, 'alice.dossier'), { title: 'merge bench' }, alice);
    const ids = inBatches(base, rows, (i) => insertRecord(base, noteSpec, { title: `Note ${i}`, body: `first text ${i}` }, { skipAudit: true }).id);
    closeCaseFile(base);
    const bobPath = path.join(dir, 'bob.dossier');
    fs.copyFileSync(base.path, bobPath);
    const bobCase = openCaseFile(bobPath, { actor: bob });
    inBatches(bobCase, rows, (i) => updateRecord(bobCase, noteSpec, ids[i]!, { body: `Bob's text ${i}` }, { skipAudit: true }).id);
    closeCaseFile(bobCase);

    let start = performance.now();
    fs.copyFileSync(bobPath, path.join(dir, 'copied.dossier'));
    const copyMs = performance.now() - start;

    const aliceCase = openCaseFile(base.path, { actor: alice });
    start = performance.now();
    const report = mergeCaseFile(aliceCase, bobPath);
    const mergeMs = performance.now() - start;
    if (report.updated.note !== rows) throw new Error(`merge bench: expected ${rows} updated notes, got ${report.updated.note}`);
    start = performance.now();
    const again = mergeCaseFile(aliceCase, bobPath);
    const quiescentMs = performance.now() - start;
    if (!again.unchanged) throw new Error('merge bench: the second merge was not quiescent');
    closeCaseFile(aliceCase);
    const bytes = fs.statSync(bobPath).size;
    return [
      latencyFigure(`merge.changed_records_${rows}`, mergeMs, copyMs, 'ms', `baseline: copying the ${Math.round(bytes / 2 ** 20)} MiB case file (fs.copyFileSync)`),
      latencyFigure(`merge.quiescent_${rows}`, quiescentMs, copyMs, 'ms', 'merging the same copy again (nothing new, nothing written); baseline: copying the file'),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
