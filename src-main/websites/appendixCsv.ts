import { stringify } from 'csv-stringify/sync';
import type { CaseFile } from '../casefile/CaseFile';
import { iterateAppendix } from './appendix';
import { appendixHeading } from './appendixHeading';
import { foldRegistrableDomains, type RegistrableEntry } from './foldRegistrableDomains';
import { writeOutputFileSync } from '../outputs/writeOutputFile';
import { csvCell } from '../outputs/csvCell';

/**
 * Columns of an order's Appendix A as CSV (`dossier appendix --csv` and the app's "Export CSV…"):
 * one row per registrable domain, the unit a registry acts on. `names_in_order` lists the
 * subdomains and URLs of the order folded into it (space-separated). Registrant and status only
 * with `--columns`: they are internal to the case unless asked for.
 */
export const APPENDIX_CSV_COLUMNS = ['registrable_domain', 'u_label', 'a_label', 'registry', 'registrar', 'registrar_iana_id', 'flags', 'order', 'names_in_order'] as const;
export const APPENDIX_CSV_EXTRA_COLUMNS = ['registrant', 'status'] as const;

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
  // Every cell through the one CSV-cell guard (formulas, control characters).
  return cells.map((cell) => csvCell(cell));
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
 * Writes the appendix CSV to `outPath` through writeOutputFileSync (temp beside it, fsync, read
 * back and hashed, then renamed), so a failure never leaves half a file under that name and the
 * case file is never written over. Replaces an existing file unless `overwrite` is false: the
 * app's save dialog has already asked. Synchronous on purpose: the rows come from an open SQLite
 * statement, which must not stay open across an await while other requests use the connection.
 */
export function writeAppendixCsv(caseFile: CaseFile, orderId: string, outPath: string, options: { overwrite?: boolean; columns?: boolean } = {}): AppendixCsvWritten {
  let rows = -1;
  const written = writeOutputFileSync(outPath, { caseFile, overwrite: options.overwrite ?? true }, (sink) => {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      sink.write(Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    };
    for (const text of appendixCsvChunks(caseFile, orderId, options.columns ?? false)) {
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
