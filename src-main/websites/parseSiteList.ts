import { parse as parseCsv, type CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { detectCsvDelimiter, detectSiteListFormat, type SiteListDelimiter, type SiteListFormat } from './detectSiteListFormat';
import type { NormalizeSiteOptions } from './NormalizedSite';
import { normalizeSiteInput } from './normalizeSiteInput';
import { parseColumnMapping, resolveSiteListColumns, type ColumnMapping, type SiteListColumns } from './siteListColumns';
import { SiteListError } from './SiteListError';
import { readInBursts } from './readInBursts';
import { SiteRowReader, type SiteListRow, type SiteListRowError } from './SiteRowReader';

export type { SiteListRow, SiteListRowError } from './SiteRowReader';

export interface ParseSiteListOptions {
  /** Default 'auto': CSV if the first line has ',', ';', tab, a quote or a header word. */
  format?: 'auto' | SiteListFormat;
  /** CSV delimiter; detected from the first line by default. */
  delimiter?: SiteListDelimiter;
  /**
   * CSV: whether line 1 is a header. Default: detected (a first row with no known column name
   * whose first cell is a website is data, and column 1 then holds the sites).
   */
  header?: boolean;
  /** `--map col=field` specs, as strings or parsed. */
  map?: readonly string[] | ColumnMapping;
  /** Rows plus errors per batch (default 5,000). */
  batchSize?: number;
  normalize?: NormalizeSiteOptions;
  /** Called as bytes are read from `input`; the caller knows the file size. */
  onProgress?: (bytesRead: number) => void;
  /** Cancels the parse: the generator throws `signal.reason`. */
  signal?: AbortSignal;
}

/** One batch of a site list as read from the file: each record's cells as bytes (latin1), not yet normalised. */
export interface RawSiteBatch {
  /** [row number, cells] per record, blank records left out. */
  records: [number, string[]][];
  bytesRead: number;
  format: SiteListFormat;
  columns: SiteListColumns | null;
}

export interface SiteBatch {
  rows: SiteListRow[];
  errors: SiteListRowError[];
  /** Bytes read from the input so far (read ahead of the rows by up to a chunk or two). */
  bytesRead: number;
  format: SiteListFormat;
  /** How CSV columns were mapped; null for a plain list. */
  columns: SiteListColumns | null;
}

const HEAD_LIMIT = 64 * 1024;
// One record larger than this is a broken quote swallowing the file, not a real row; without a
// limit an unclosed quote near the top would buffer the whole file before failing.
const MAX_RECORD_BYTES = 1024 * 1024;
const ASCII_BLANK = /^[ \t]*$/;
// A text line needing no comment stripping or trimming (the common case, skipped cheaply).
const PLAIN_LINE = /^[^ \t#][^ \t]*$/;
const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * Stream a website list (CSV or one-per-line text) into batches of normalised rows and row errors.
 * Per-row problems never stop the parse; a structurally broken CSV stops with a `SiteListError`
 * naming the row, after the batch of rows read before it.
 * Row numbers are 1-based physical lines (header = 1), also for quoted cells spanning lines.
 * Bytes that are not UTF-8 reject their row (INVALID_UTF8) rather than being guessed at: a
 * mis-decoded registrant or domain in a court exhibit is worse than a row to fix.
 */
export async function* parseSiteList(input: Readable, options: ParseSiteListOptions = {}): AsyncGenerator<SiteBatch> {
  let reader: SiteRowReader | null = null;
  for await (const raw of splitSiteList(input, options)) {
    reader ??= new SiteRowReader(raw.columns, options.normalize);
    yield readSiteBatch(reader, raw);
  }
}

/** Normalises the records of a raw batch with `reader` (one reader per file: it remembers sites seen). */
export function readSiteBatch(reader: SiteRowReader, raw: RawSiteBatch): SiteBatch {
  const rows: SiteListRow[] = [];
  const errors: SiteListRowError[] = [];
  for (const [rowNumber, cells] of raw.records) {
    const outcome = reader.read(rowNumber, cells);
    if ('normalized' in outcome) rows.push(outcome);
    else errors.push(outcome);
  }
  return { rows, errors, bytesRead: raw.bytesRead, format: raw.format, columns: raw.columns };
}

/**
 * parseSiteList without the normalising: the file split into batches of records, in the same
 * batches, row numbers and structural errors (a broken CSV, an over-long line), so that the
 * records can be normalised elsewhere (worker threads: siteNormalizerPool) while this thread writes.
 */
export async function* splitSiteList(input: Readable, options: ParseSiteListOptions = {}): AsyncGenerator<RawSiteBatch> {
  const { signal } = options;
  signal?.throwIfAborted();
  const batchSize = Math.max(1, options.batchSize ?? 5000);

  const onAbort = () => input.destroy(signal!.reason instanceof Error ? signal!.reason : new Error(String(signal!.reason)));
  signal?.addEventListener('abort', onAbort, { once: true });
  const source = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | Uint8Array | string>;
  let bytesRead = 0;
  const nextChunk = async (): Promise<Buffer | null> => {
    const next = await source.next();
    if (next.done) return null;
    const value = next.value as Buffer | Uint8Array | string;
    const chunk =
      typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    bytesRead += chunk.length;
    options.onProgress?.(bytesRead);
    return chunk;
  };

  let detected: SiteListFormat | null = null;
  try {
    // Inside the try: a bad --map still closes the file (the finally below).
    const mapping: ColumnMapping =
      options.map === undefined ? [] : typeof options.map[0] === 'string' ? parseColumnMapping(options.map as string[]) : (options.map as ColumnMapping);
    let head = await readHead(nextChunk);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      throw new SiteListError('ENCODING_UNSUPPORTED', null, 'This file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or plain UTF-8 text and import again.');
    }
    const firstLine = head.toString('latin1').split(LINE_BREAKS).find((line) => !ASCII_BLANK.test(line)) ?? '';
    const format = options.format === undefined || options.format === 'auto' ? detectSiteListFormat(firstLine) : options.format;
    detected = format;
    async function* chunks(): AsyncGenerator<Buffer> {
      if (head.length > 0) yield head;
      for (let chunk = await nextChunk(); chunk !== null; chunk = await nextChunk()) yield chunk;
    }

    let records: [number, string[]][] = [];
    let columns: SiteListColumns | null = null;
    let yielded = false;
    const batch = (): RawSiteBatch => {
      const out = { records, bytesRead, format, columns };
      records = [];
      yielded = true;
      return out;
    };

    if (format === 'text') {
      let lineNumber = 0;
      try {
        for await (const lines of byteLines(chunks())) {
          signal?.throwIfAborted();
          for (const line of lines) {
            lineNumber++;
            // '#' starts a comment at the start of a line or after a space; a URL fragment has no space before it.
            const content = PLAIN_LINE.test(line) ? line : line.replace(/(?:^|[ \t])#.*$/, '').replace(/^[ \t]+|[ \t]+$/g, '');
            if (content === '') continue;
            records.push([lineNumber, [content]]);
            if (records.length >= batchSize) yield batch();
          }
        }
      } catch (error) {
        // As for a broken CSV: hand over the rows read before the bad line, then stop.
        if (error instanceof SiteListError && records.length > 0) yield batch();
        throw error;
      }
    } else {
      const delimiter = options.delimiter ?? detectCsvDelimiter(firstLine);
      const parser = parseCsv({
        delimiter,
        encoding: 'latin1', // cells as bytes; SiteRowReader decodes UTF-8 strictly, per row
        record_delimiter: ['\r\n', '\n', '\r'], // mixed line endings, as spreadsheets leave them
        relax_column_count: true, // a short or long row is a row error, not the end of the file
        relax_quotes: true, // a quote inside an unquoted cell, or after a closing quote, is data
        max_record_size: MAX_RECORD_BYTES,
        // A thrown parse error destroys the stream and drops the records parsed before it but not
        // yet read. As a 'skip' event it arrives in order: read up to it, then stop.
        skip_records_with_error: true,
      });
      // Set from the 'skip' listener, hence the cast: TypeScript cannot see that assignment.
      let broken = null as { error: CsvError; recordsBefore: number } | null;
      parser.on('skip', (error: CsvError) => {
        broken ??= { error, recordsBefore: Number((error as CsvError & { records?: number }).records ?? 0) };
      });
      const pumping = pipeline(chunks(), parser);
      pumping.catch(() => undefined); // failures surface through the parser's iterator below
      let started = false;
      let nextLine = 1;
      let consumed = 0;
      try {
        records: for await (const burst of readInBursts<string[]>(parser)) {
          signal?.throwIfAborted();
          for (const record of burst) {
            if (broken !== null && consumed >= broken.recordsBefore) break records;
            consumed++;
            const rowNumber = nextLine;
            nextLine += 1 + countLineBreaks(record);
            if (record.every((cell) => ASCII_BLANK.test(cell))) continue;
            if (!started) {
              const start = startCsv(record, rowNumber, mapping, options);
              columns = start.columns;
              started = true;
              if (!start.firstRowIsData) continue;
            }
            records.push([rowNumber, record]);
            if (records.length >= batchSize) yield batch();
          }
        }
      } catch (error) {
        if (!isCsvError(error) || signal?.aborted) throw error;
        broken ??= { error, recordsBefore: consumed };
      }
      if (broken !== null) {
        parser.destroy();
        if (records.length > 0) yield batch();
        throw malformed(broken.error, nextLine);
      }
    }
    signal?.throwIfAborted();
    if (records.length > 0 || !yielded) yield batch();
  } catch (error) {
    // A cancel shows up as whatever the destroyed stream threw; report it as the signal's reason.
    signal?.throwIfAborted();
    // The format is known once the head is read: the import's report says it even when no row came.
    if (error instanceof SiteListError && detected !== null) error.format = detected;
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!input.destroyed) input.destroy();
  }
}

async function readHead(nextChunk: () => Promise<Buffer | null>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for (let chunk = await nextChunk(); chunk !== null; chunk = length >= HEAD_LIMIT ? null : await nextChunk()) {
    parts.push(chunk);
    length += chunk.length;
    // Enough once a non-blank line is complete.
    const text = Buffer.concat(parts).toString('latin1');
    if (/[^\s][^\r\n]*[\r\n]/.test(text)) break;
  }
  return Buffer.concat(parts);
}

// Physical lines of plain-text input, as latin1 strings, a chunk's worth at a time, for '\n',
// '\r\n' and lone '\r'. A line is capped like a CSV record, so a binary file cannot grow one
// string without end.
async function* byteLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  let rest = '';
  let lineCount = 0;
  for await (const chunk of chunks) {
    let text = rest + chunk.toString('latin1');
    // Hold back a final '\r': it may be the first half of a '\r\n' split across chunks.
    const held = text.endsWith('\r') ? '\r' : '';
    if (held) text = text.slice(0, -1);
    const lines = text.includes('\r') ? text.split(LINE_BREAKS) : text.split('\n');
    rest = lines.pop()! + held;
    const long = rest.length > MAX_RECORD_BYTES ? lines.length : lines.findIndex((line) => line.length > MAX_RECORD_BYTES);
    if (long >= 0) {
      if (long > 0) yield lines.slice(0, long);
      const lineNumber = lineCount + long + 1;
      throw new SiteListError('LINE_TOO_LONG', lineNumber, `Line ${lineNumber} is longer than 1 MiB: this does not look like a list of websites (a binary file?).`);
    }
    lineCount += lines.length;
    if (lines.length > 0) yield lines;
  }
  if (rest !== '') yield [rest.replace(/\r$/, '')];
}

function countLineBreaks(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
    const found = cell.match(LINE_BREAKS);
    breaks += found === null ? 0 : found.length;
  }
  return breaks;
}

function startCsv(
  record: string[],
  rowNumber: number,
  mapping: ColumnMapping,
  options: ParseSiteListOptions,
): { columns: SiteListColumns; firstRowIsData: boolean } {
  const cells = record.map((cell) => Buffer.from(cell, 'latin1').toString('utf8').trim());
  const generic = cells.map((_, i) => `column_${i + 1}`);
  if (options.header === false) {
    const hasSite = mapping.some((m) => m.field === 'site');
    return { columns: resolveSiteListColumns(generic, hasSite ? mapping : [{ column: '1', field: 'site' }, ...mapping]), firstRowIsData: true };
  }
  try {
    return { columns: resolveSiteListColumns(cells, mapping), firstRowIsData: false };
  } catch (error) {
    const looksLikeData = options.header === undefined && error instanceof SiteListError && error.code === 'NO_SITE_COLUMN' && isSite(cells[0] ?? '');
    if (!looksLikeData) {
      if (error instanceof SiteListError && error.rowNumber !== null) throw new SiteListError(error.code, rowNumber, error.message);
      throw error;
    }
    return { columns: resolveSiteListColumns(generic, [{ column: '1', field: 'site' }, ...mapping]), firstRowIsData: true };
  }
}

function isSite(cell: string): boolean {
  try {
    normalizeSiteInput(cell);
    return true;
  } catch {
    return false;
  }
}

function isCsvError(error: unknown): error is CsvError {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('CSV_');
}

function malformed(error: CsvError, rowNumber: number): SiteListError {
  // The parser counts lines as it reads: still on the row's first line, no quote ran past a line
  // break, so the line itself is over the limit (a binary file?), not an unmatched quote.
  if (error.code === 'CSV_MAX_RECORD_SIZE' && (error as CsvError & { lines?: number }).lines === rowNumber) {
    return new SiteListError('LINE_TOO_LONG', rowNumber, `Line ${rowNumber} is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB: this does not look like a list of websites (a binary file?). Rows before it were read.`);
  }
  const why: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted cell opened here is never closed (an unmatched ")',
    CSV_MAX_RECORD_SIZE: `the row runs past ${MAX_RECORD_BYTES / 1024 / 1024} MiB, which means a quoted cell opened here is never closed (an unmatched ")`,
    CSV_INVALID_CLOSING_QUOTE: 'a quoted cell is followed by other text before the next delimiter',
  };
  const reason = why[error.code] ?? error.message;
  return new SiteListError(
    'CSV_MALFORMED',
    rowNumber,
    `The CSV is malformed at row ${rowNumber}: ${reason}. Rows before it were read; fix the file and import again.`,
  );
}
