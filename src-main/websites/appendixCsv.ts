import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { CaseFile } from '../casefile/CaseFile';
import { iterateAppendix } from './appendix';
import { appendixHeading } from './appendixHeading';
import { foldRegistrableDomains, type RegistrableEntry } from './foldRegistrableDomains';

/**
 * Columns of an order's Appendix A as CSV (`dossier appendix --csv` and the app's "Export CSV…"):
 * one row per registrable domain, the unit a registry acts on. `names_in_order` lists the
 * subdomains and URLs of the order folded into it (space-separated). Registrant and status only
 * with `--columns`: they are internal to the case unless asked for.
 */
export const APPENDIX_CSV_COLUMNS = ['registrable_domain', 'u_label', 'a_label', 'registry', 'registrar', 'registrar_iana_id', 'flags', 'order', 'names_in_order'] as const;
export const APPENDIX_CSV_EXTRA_COLUMNS = ['registrant', 'status'] as const;

/**
 * Cells a spreadsheet would run as formulas (=, +, -, @, tab, CR first) are prefixed with ' so
 * the data stays visible but never executes: the file goes to registries and courts who open it
 * in Excel.
 */
export function formulaSafe(cell: string | null): string | null {
  return cell && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One Appendix A entry as CSV cells (see APPENDIX_CSV_COLUMNS). */
export function appendixCsvCells(entry: RegistrableEntry, order: string, columns = false): (string | null)[] {
  const cells = [
    entry.domain_ascii,
    entry.domain_unicode,
    entry.domain_ascii,
    entry.registry,
    entry.registrar,
    entry.registrar_iana_id,
    entry.flags.join('; '),
    order,
    entry.folded.join(' '),
    ...(columns ? [entry.registrants.join('; '), entry.statuses.join('; ')] : []),
  ];
  return cells.map(formulaSafe);
}

/** The appendix as CSV text, header first, one chunk per registrable domain, streamed from the case file; every record ends with a newline. */
export function* appendixCsvChunks(caseFile: CaseFile, orderId: string, columns = false): IterableIterator<string> {
  const { order } = appendixHeading(caseFile, orderId);
  yield stringify([[...APPENDIX_CSV_COLUMNS, ...(columns ? APPENDIX_CSV_EXTRA_COLUMNS : [])]], { record_delimiter: '\n' });
  for (const entry of foldRegistrableDomains(iterateAppendix(caseFile, orderId))) yield stringify([appendixCsvCells(entry, order, columns)], { record_delimiter: '\n' });
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
