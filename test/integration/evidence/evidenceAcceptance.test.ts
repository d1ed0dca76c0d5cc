import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import type { EvidenceImportResult, EvidenceVerification } from '../../../src-main/contract/DossierApi';
import type { TaskProgress } from '../../../src-main/contract/events';
import { extractEvidence } from '../../../src-main/evidence/extractEvidence';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, newTestCase, track } from '../../helpers/testCase';
import { coreutilsHashes, makePdf, tinyPng, writeBulkFile, writeFile } from '../../unit/evidence/evidenceFiles';

describe('evidence acceptance', () => {
  it('hashes match sha256sum/sha1sum/md5sum and every exhibit extracts byte-identical (cmp)', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const files = [
      writeFile(dir, 'screenshot.png', tinyPng()),
      writeFile(dir, 'storefront.html', '<!doctype html><title>Shop</title><p>Accounts</p>'),
      writeFile(dir, 'invoice.pdf', await makePdf(['Invoice'])),
      writeFile(dir, 'payments.csv', 'id,amount\n1,10.00\n2,12.50\n'),
      writeFile(dir, 'empty.log', ''),
      writeFile(dir, 'unicode name – ünïcödé.txt', 'Ω≈ç√∫'),
      writeBulkFile(dir, 'traffic.pcap', 4 * 1024 * 1024, 77),
      writeBulkFile(dir, 'exactly-one-chunk.bin', 4 * 1024 * 1024, 78),
      writeBulkFile(dir, 'capture.pcapng', 40 * 1024 * 1024 + 5, 80), // above the parallel-hashing threshold
      writeBulkFile(dir, 'disk.dd', 13 * 1024 * 1024 + 3, 79),
    ];
    const { items } = await importEvidence(cf, files);
    const outDir = tempDir();
    for (const { path: source, evidence } of items) {
      expect({ name: evidence.original_name, ...coreutilsHashes(source) }).toEqual({
        name: path.basename(source), sha256: evidence.sha256, sha1: evidence.sha1, md5: evidence.md5,
      });
      const out = path.join(outDir, `${evidence.exhibit_number}-${evidence.original_name}`);
      await extractEvidence(cf, evidence.id, out);
      execFileSync('cmp', [source, out]);
    }
    // The same bytes read through a fresh connection after reopening.
    closeCaseFile(cf);
    const reopened = track(openCaseFile(cf.path, { actor: ALICE }));
    const again = path.join(outDir, 'again.dd');
    await extractEvidence(reopened, items.at(-1)!.evidence.id, again);
    execFileSync('cmp', [files.at(-1)!, again]);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps memory flat while importing a large file', async () => {
    const cf = newTestCase();
    const file = writeBulkFile(tempDir(), 'large.bin', 512 * 1024 * 1024, 99);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 20);
    try {
      await importEvidence(cf, [file], {}, { onProgress: sample });
    } finally {
      clearInterval(timer);
    }
    // Two 4 MiB read buffers, SQLite's 32 MiB page cache and a copy of the chunk being written.
    expect(peak - before).toBeLessThan(120 * 1024 * 1024);
  });

  it('runs through the API: import with progress and cancel, verify, preview, extract', async () => {
    const progress: TaskProgress[] = [];
    const session = new CaseSession(ALICE, (p) => progress.push(p));
    const dir = tempDir();
    const casePath = path.join(dir, 'api.dossier');
    const call = async <T>(channel: string, request: unknown): Promise<T> => {
      const result = await dispatch(session, channel, request);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as T;
    };
    try {
      await call('case.create', { path: casePath, case: { title: 'API case' } });
      const text = writeFile(dir, 'note.txt', 'a findable sentence about copperheron');
      const imported = await call<EvidenceImportResult>('evidence.import', { paths: [text], taskId: 'import-1', acquired_by: 'Alice' });
      expect(imported.items[0]!.evidence.acquired_by).toBe('Alice');
      expect(progress.some((p) => p.taskId === 'import-1' && p.unit === 'bytes')).toBe(true);
      const id = imported.items[0]!.evidence.id;
      expect((await call<{ id: string }[]>('search.query', { text: 'copperheron' })).map((h) => h.id)).toContain(id);

      // Cancel a large import from "the UI" once it has started.
      const big = writeBulkFile(dir, 'big.bin', 64 * 1024 * 1024, 5);
      const pending = dispatch(session, 'evidence.import', { paths: [big], taskId: 'import-2' });
      while (!progress.some((p) => p.taskId === 'import-2' && p.done > 0)) await new Promise((r) => setTimeout(r, 5));
      await call('tasks.cancel', { taskId: 'import-2' });
      const cancelled = await pending;
      expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect(session.caseFile.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(1);

      const verified = await call<EvidenceVerification[]>('evidence.verify', {});
      expect(verified.map((v) => v.ok)).toEqual([true]);
      expect(await call('evidence.preview', { id })).toMatchObject({ text: 'a findable sentence about copperheron', truncated: false });
      const out = path.join(dir, 'out.txt');
      expect(await call('evidence.extract', { id, outPath: out })).toMatchObject({ path: out, bytes: 37 });
      execFileSync('cmp', [text, out]);
      const refused = await dispatch(session, 'evidence.extract', { id, outPath: out });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
      const missing = await dispatch(session, 'evidence.import', { paths: [path.join(dir, 'nope.txt')] });
      expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    } finally {
      session.close();
    }
  });
});
