import { stringify } from 'csv-stringify/sync';
import type { CaseFile } from '../casefile/CaseFile';
import { type AppendixRow, iterateAppendix } from './appendix';
import { writeOutputFileSync } from '../outputs/writeOutputFile';

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
 * Writes the appendix CSV to `outPath` through writeOutputFileSync (temp beside it, fsync, read
 * back and hashed, then renamed), so a failure never leaves half a file under that name and the
 * case file is never written over. Replaces an existing file unless `overwrite` is false: the
 * app's save dialog has already asked. Synchronous on purpose: the rows come from an open SQLite
 * statement, which must not stay open across an await while other requests use the connection.
 */
export function writeAppendixCsv(caseFile: CaseFile, orderId: string, outPath: string, options: { overwrite?: boolean } = {}): AppendixCsvWritten {
  let rows = -1;
  const written = writeOutputFileSync(outPath, { caseFile, overwrite: options.overwrite ?? true }, (sink) => {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      sink.write(Buffer.concat(pending, pendingBytes));
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
  });
  return { path: written.path, rows, bytes: written.bytes, sha256: written.sha256 };
}
