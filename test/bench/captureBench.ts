import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { createCase } from '../../src-main/case/caseInfo';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { importCapture } from '../../src-main/captures/importCapture';
import { verifyCaptureRecords } from '../../src-main/captures/verifyCaptureRecords';
import { type Figure, throughputFigure } from './Figure';

const MiB = 1024 * 1024;

/** A WARC of `mib` MiB: 200-KiB responses (HTML every tenth, the rest binary), written record by record. */
export async function writeWarc(file: string, mib: number): Promise<number> {
  const fd = fs.openSync(file, 'w');
  const body = Buffer.alloc(200 * 1024);
  for (let i = 0; i < body.length; i += 1) body[i] = (i * 131 + 7) & 0xff;
  const html = Buffer.from(`<html><head><title>Listing</title></head><body>${'<p>Hotmail accounts for sale, bulk prices.</p>'.repeat(4000)}</body></html>`);
  let written = 0;
  for (let n = 0; written < mib * MiB; n += 1) {
    const isHtml = n % 10 === 0;
    const record = WARCRecord.create(
      {
        url: `https://shop.example/item/${n}${isHtml ? '' : '.bin'}`,
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': isHtml ? 'text/html' : 'application/octet-stream' },
      },
      (async function* () {
        yield isHtml ? html : body;
      })(),
    );
    const bytes = await WARCSerializer.serialize(record, { digest: { algo: 'sha-1', prefix: 'sha1:', base32: true } });
    fs.writeSync(fd, bytes);
    written += bytes.length;
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return written;
}

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
    return [
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
