import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCase } from '../../src-main/case/caseInfo';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { importCapture } from '../../src-main/captures/importCapture';
import { verifyCaptureRecords } from '../../src-main/captures/verifyCaptureRecords';
import { writeWarc } from '../helpers/writeLargeWarc';
import { type Figure, latencyFigure, throughputFigure } from './Figure';

const MiB = 1024 * 1024;
const RSS_PROBE = path.resolve(import.meta.dirname, '../helpers/captureImportRss.ts');
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

/**
 * Capture import (store + parse every record + verify its digests + pages and search text) against
 * the floor: reading the file once and SHA-256 hashing it. CAPTURE_BENCH_MIB sets the WARC size
 * (default 64 while the machine is shared; the 1 GiB is CAPTURE_BENCH_MIB=1024). Peak RSS
 * is reported to show memory stays flat as the file grows.
 */
export async function captureBench(mib = Number(process.env.CAPTURE_BENCH_MIB ?? 64)): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-capture-bench-'));
  try {
    const source = path.join(dir, 'big.warc');
    const bytes = await writeWarc(source, mib);
    const started = performance.now();
    const hash = createHash('sha256');
    const fd = fs.openSync(source, 'r');
    const buffer = Buffer.allocUnsafe(4 * MiB);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
    fs.closeSync(fd);
    hash.digest();
    const baselineMs = performance.now() - started;

    const caseFile = createCase(path.join(dir, 'bench.dossier'), { title: 'Capture bench' }, { name: 'bench', device: 'bench' });
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const importStarted = performance.now();
    let result;
    let verifyMs: number;
    try {
      result = await importCapture(caseFile, source);
      const verifyStarted = performance.now();
      await verifyCaptureRecords(caseFile, result.evidence_id);
      verifyMs = performance.now() - verifyStarted;
    } finally {
      clearInterval(timer);
      closeCaseFile(caseFile);
    }
    const importMs = performance.now() - importStarted - verifyMs;
    const mibs = bytes / MiB;
    const parseGrowth = (mibOf: number, file: string) => {
      const caseFile = path.join(dir, `rss-${mibOf}.dossier`);
      const { evidence_id } = JSON.parse(execFileSync(TSX, [RSS_PROBE, 'interrupted', caseFile, file], { encoding: 'utf8' })) as { evidence_id: string };
      return (JSON.parse(execFileSync(TSX, [RSS_PROBE, 'reparse', caseFile, evidence_id], { encoding: 'utf8' })) as { growth: number }).growth / MiB;
    };
    const small = path.join(dir, 'small.warc');
    await writeWarc(small, 8);
    const smallGrowth = parseGrowth(8, small);
    const largeGrowth = parseGrowth(mib, source);
    return [
      latencyFigure(
        'capture parse peak RSS growth (own process) vs the same for an 8 MiB WARC',
        largeGrowth,
        smallGrowth,
        'MiB',
        `${mibs.toFixed(0)} MiB vs 8 MiB WARC: flat memory means a ratio near 1 whatever the file size`,
      ),
      throughputFigure(
        'capture import (store + parse + digests + pages) vs read+SHA-256',
        mibs / (importMs / 1000),
        mibs / (baselineMs / 1000),
        'MiB/s',
        `${mibs.toFixed(0)} MiB WARC, ${result.capture.record_count} records, ${result.capture.page_count} pages, ${result.capture.import_status}; peak RSS +${((peak - rssBefore) / MiB).toFixed(0)} MiB`,
      ),
      throughputFigure(
        'capture records re-verified from stored bytes (parse + digests) vs read+SHA-256',
        mibs / (verifyMs / 1000),
        mibs / (baselineMs / 1000),
        'MiB/s',
        'the parse alone: what import adds to storing the exhibit, and what evidence verify adds per capture',
      ),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
