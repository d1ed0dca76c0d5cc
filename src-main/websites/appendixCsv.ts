import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { CaseFile } from '../casefile/CaseFile';
import { type AppendixRow, iterateAppendix } from './appendix';

/** Columns of an order's appendix as CSV (`dossier site appendix --csv` and the app's "Export CSV…"). */
export const APPENDIX_CSV_COLUMNS = ['registry', 'registrar', 'registrar_iana_id', 'registrant', 'domain', 'domain_ascii', 'path', 'status'] as const;

/**
 * One appendix row as CSV cells. Cells a spreadsheet would run as formulas (=, +, -, @, tab, CR
 * first) are prefixed with ' so the data stays visible but never executes: the file goes to
 * registries and courts who open it in Excel.
 */
export function appendixCsvCells(row: AppendixRow): (string | null)[] {
  return [row.registry, row.registrar, row.registrar_iana_id, row.registrant, row.host_unicode, row.host_ascii, row.url_path, row.status].map((cell) =>
    cell && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell,
  );
}

/** The appendix as CSV text, header first, one chunk per row, streamed from the case file. */
export function* appendixCsvChunks(caseFile: CaseFile, orderId: string): IterableIterator<string> {
  yield stringify([[...APPENDIX_CSV_COLUMNS]]);
  for (const row of iterateAppendix(caseFile, orderId)) yield stringify([appendixCsvCells(row)]);
}

export interface AppendixCsvWritten {
  path: string;
  /** Domain rows written (the header not counted). */
  rows: number;
  bytes: number;
  sha256: string;
}

const FLUSH_BYTES = 256 * 1024;

/**
 * Writes the appendix CSV to `outPath` (replacing it: the user chose it in a save dialog). Written
 * beside it first and renamed at the end, so a failure never leaves half a file under that name.
 * Synchronous on purpose: the rows come from an open SQLite statement, which must not stay open
 * across an await while other requests use the same connection.
 */
export function writeAppendixCsv(caseFile: CaseFile, orderId: string, outPath: string): AppendixCsvWritten {
  const temp = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${process.pid}.partial`);
  const hash = createHash('sha256');
  let rows = -1;
  let bytes = 0;
  const fd = fs.openSync(temp, 'w', 0o644);
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      const chunk = Buffer.concat(pending, pendingBytes);
      for (let at = 0; at < chunk.length; ) at += fs.writeSync(fd, chunk, at);
      hash.update(chunk);
      bytes += chunk.length;
      pending = [];
      pendingBytes = 0;
    };
    for (const text of appendixCsvChunks(caseFile, orderId)) {
      const chunk = Buffer.from(text, 'utf8');
      pending.push(chunk);
      pendingBytes += chunk.length;
      rows++;
      if (pendingBytes >= FLUSH_BYTES) flush();
    }
    flush();
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, outPath);
  return { path: outPath, rows, bytes, sha256: hash.digest('hex') };
}
