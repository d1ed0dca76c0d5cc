import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import { performance } from 'node:perf_hooks';
import { type ParseSiteListOptions, parseSiteList, type SiteBatch, splitSiteList } from './parseSiteList';
import { defaultNormalizerThreads, normalizeInThreads, type SiteNormalizerOptions } from './siteNormalizerPool';
import type { SiteImportReport } from '../contract/SiteImportReport';
import { SiteListError } from './SiteListError';
import type { SiteListColumns } from './siteListColumns';
import { bySiteIdentity } from './SiteRowReader';
import { SiteRowWriter } from './siteRowWriter';
import { findInterruptedImports } from './interruptedImports';
import { sitesCreatedByImport } from './sitesCreatedByImport';
import { thisImportProcess } from './importProcess';

const MAX_REPORTED_ERRORS = 10_000;
/**
 * Lists from this size on are normalised on worker threads: starting a thread costs tens of
 * milliseconds (about a second from source through tsx), more than a small list takes on one thread.
 */
const THREADS_FROM_BYTES = 1 << 20;

/** Where an import spent its time, in ms (the bench's profile of the bulk path). */
export interface SiteImportProfile {
  /** The writing thread waiting for normalised rows (reading, parsing, normalising not overlapped). */
  waitMs: number;
  /** Dedupe lookups, website and status-event inserts with their indexes, seals computed. */
  rowsMs: number;
  /** Each batch's audit entry: seal-set digest and the audit_seal rows. */
  auditMs: number;
  /** COMMIT of the batches (journal and database fsyncs). */
  commitMs: number;
  /** The host trigram index, built once at the end. */
  trigramMs: number;
  /** Threads that normalised (0: on the writing thread). */
  threads: number;
}

export interface SiteImportOptions {
  /** `--map col=field` specs. */
  map?: readonly string[];
  format?: ParseSiteListOptions['format'];
  header?: boolean;
  /** Link every imported site to this court order ('covers'): an order's appendix from a list. */
  orderId?: string;
  batchSize?: number;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  signal?: AbortSignal;
  /**
   * Completes an import of the same file (same SHA-256) that was killed midway: rows already in
   * the case merge, the rest import, and the start entry names the interrupted imports it
   * resumes, so `dossier check` no longer reports them (findInterruptedImports).
   */
  resume?: boolean;
  /**
   * Normalising threads. Default: defaultNormalizerThreads() for lists of 1 MiB or more, none
   * (this thread) below; `threads: 0` always normalises on this thread.
   */
  normalizers?: SiteNormalizerOptions;
  /** Filled with where the time went (bench). */
  profile?: SiteImportProfile;
}

/** The header of the column a field was read from, or null (a plain list; none mapped to it). */
function columnOf(columns: SiteListColumns | null, field: string): string | null {
  if (!columns) return null;
  for (const [index, mapped] of columns.fields) if (mapped === field) return columns.names[index] ?? null;
  return null;
}

async function sha256Of(filePath: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function openList(filePath: string): { absolute: string; size: number } {
  const absolute = path.resolve(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new DossierError('FILE_NOT_FOUND', `No file at ${absolute}.`);
  }
  if (!stat.isFile()) throw new DossierError('IMPORT_FAILED', `${absolute} is not a file.`);
  return { absolute, size: stat.size };
}

/**
 * Imports websites from a CSV or a plain list, streaming: each batch of rows is one transaction,
 * so a crash or a cancel keeps whole batches only. Bad rows are reported with their row numbers
 * while good rows import; sites already in the case (or repeated in the file) are merged.
 * The audit log gets one entry when the import starts and one when it ends, both with the
 * file's SHA-256, not one per row.
 */
export async function importSiteList(caseFile: CaseFile, filePath: string, options: SiteImportOptions = {}): Promise<SiteImportReport> {
  const { absolute, size } = openList(filePath);
  if (options.orderId && !prepareCached(caseFile.db, 'SELECT 1 FROM court_order WHERE id = ? AND deleted_at IS NULL').get(options.orderId)) {
    throw new DossierError('NOT_FOUND', `No court order with id ${options.orderId} in this case.`);
  }
  const sha256 = await sha256Of(absolute, options.signal);
  const report: SiteImportReport = {
    file: absolute, sha256, bytes: size, format: 'text', rowsRead: 0, imported: 0, merged: 0, errorCount: 0, errors: [],
    valuesNotTaken: 0, notTaken: [], cancelled: false, stoppedAt: null,
  };
  // Read before this import's own start entry, which would count as unfinished until its end.
  // A running import (another process) builds its own trigrams and is never resumed here.
  const unfinished = findInterruptedImports(caseFile.db).filter((i) => !i.running);
  const resumes = options.resume ? unfinished.filter((i) => i.sha256 === sha256).map((i) => ({ chain: i.chain, seq: i.seq })) : [];
  if (options.resume && resumes.length === 0) {
    throw new DossierError('NOT_FOUND', `No unfinished import of ${absolute} (SHA-256 ${sha256}) in this case; nothing to resume.`);
  }
  // Sites the interrupted runs created: rows of this same list, so the report counts them as imported.
  const importedBefore = resumes.reduce((n, r) => n + sitesCreatedByImport(caseFile.db, r.chain, r.seq), 0);
  if (resumes.length) report.importedBeforeResume = importedBefore;
  writeTransaction(caseFile, () =>
    appendAudit(caseFile, {
      action: 'website.import.start',
      recordKind: 'case',
      // The process, so that info/check/rollback elsewhere tell this import running from killed.
      detail: { file: path.basename(absolute), sha256, bytes: size, process: thisImportProcess(), ...(resumes.length ? { resumes } : {}) },
    }),
  );
  const writer = new SiteRowWriter(caseFile, options.orderId ?? null);
  const { profile } = options;
  // Why an import that threw stopped, for its closing audit entry (a clean end says null).
  let failure: string | null = null;
  // Host trigrams are built once at the end (indexHostsFrom). Rows of an import killed midway have
  // none yet, so after one the scan starts at the first row and finds them too.
  const trigramsFrom = unfinished.length > 0 ? 0 : writer.lastRowid();
  let input: fs.ReadStream | null = null;
  try {
    const parseOptions: ParseSiteListOptions = {
      ...(options.map ? { map: options.map } : {}),
      ...(options.format ? { format: options.format } : {}),
      ...(options.header !== undefined ? { header: options.header } : {}),
      batchSize: options.batchSize ?? 20_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (bytes) => options.onProgress?.(bytes, size),
    };
    input = fs.createReadStream(absolute, { highWaterMark: 1 << 16 });
    const threads = options.normalizers?.threads ?? (size >= THREADS_FROM_BYTES ? defaultNormalizerThreads() : 0);
    const pooled = threads > 0 ? normalizeInThreads(splitSiteList(input, parseOptions), { ...options.normalizers, threads }) : null;
    const batches: AsyncIterable<SiteBatch> = pooled ?? parseSiteList(input, parseOptions);
    if (profile) profile.threads = pooled ? threads : 0;
    let waitStart = performance.now();
    for await (const batch of batches) {
      const batchStart = performance.now();
      if (profile) profile.waitMs += batchStart - waitStart;
      options.signal?.throwIfAborted();
      report.format = batch.format;
      let committing = 0;
      writeTransaction(caseFile, () => {
        // Rows from the normalising threads come sorted already (a linear pass here then).
        const rows = [...batch.rows].sort(bySiteIdentity);
        for (const row of rows) report[writer.write(row)] += 1;
        const auditStart = performance.now();
        if (profile) profile.rowsMs += auditStart - batchStart;
        // One entry per batch seals every row it wrote (the chain covers content, 0050).
        // rows: list rows this batch stored (what "how far it got" counts); records: rows sealed.
        const { written, sealed } = writer.takeWritten();
        const records = new Set([...written.map((w) => w.id), ...sealed.map((s) => s.record_id)]).size;
        if (records > 0) {
          appendAudit(caseFile, {
            action: 'website.import.batch',
            recordKind: 'case',
            detail: { file: path.basename(absolute), rows: rows.length, records },
            seal: written,
            sealed,
          });
        }
        committing = performance.now();
        if (profile) profile.auditMs += committing - auditStart;
      });
      waitStart = performance.now();
      if (profile) profile.commitMs += waitStart - committing;
      report.rowsRead += batch.rows.length + batch.errors.length;
      report.errorCount += batch.errors.length;
      for (const error of batch.errors) if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
      const notTaken = writer.takeNotTaken().sort((a, b) => a.rowNumber - b.rowNumber);
      report.valuesNotTaken += notTaken.length;
      for (const value of notTaken) if (report.notTaken.length < MAX_REPORTED_ERRORS) report.notTaken.push({ ...value, column: columnOf(batch.columns, value.field) });
    }
  } catch (error) {
    if (options.signal?.aborted) report.cancelled = true;
    else if (error instanceof SiteListError) {
      report.stoppedAt = { rowNumber: error.rowNumber, reason: error.message, code: error.code };
      report.format = error.format ?? report.format;
    }
    else {
      failure = error instanceof Error ? error.message : String(error);
      throw error;
    }
  } finally {
    // A resume that read the whole list: the rows of the sites the killed run created merged into
    // them now, but one row a site is the row that imported it (the rest merged there too). A
    // resume cut short itself keeps the counts of its own run (resumeCovers says which).
    if (resumes.length) {
      const whole = !report.cancelled && report.stoppedAt === null && failure === null;
      report.resumeCovers = whole ? 'whole list' : 'this run';
      if (whole) {
        report.imported += importedBefore;
        report.merged = Math.max(0, report.merged - importedBefore);
      }
    }
    // A list refused before it was read (a bad --map) leaves its stream opening: closed before returning.
    const opened = input as fs.ReadStream | null;
    if (opened && !opened.closed) await new Promise<void>((resolve) => opened.once('close', () => resolve()).destroy());
    writeTransaction(caseFile, () => {
      const trigramStart = performance.now();
      writer.indexHostsFrom(trigramsFrom);
      if (profile) profile.trigramMs += performance.now() - trigramStart;
      appendAudit(caseFile, {
        action: 'website.import',
        recordKind: 'case',
        detail: {
          file: path.basename(absolute), sha256, rows: report.rowsRead, imported: report.imported, merged: report.merged,
          errors: report.errorCount, valuesNotTaken: report.valuesNotTaken, cancelled: report.cancelled,
          ...(resumes.length ? { importedBeforeResume: importedBefore, countsCover: report.resumeCovers } : {}), stopped: report.stoppedAt?.reason ?? failure,
        },
      });
    });
  }
  return report;
}
