import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import { type ParseSiteListOptions, parseSiteList } from './parseSiteList';
import type { SiteImportReport } from '../contract/SiteImportReport';
import { SiteListError } from './SiteListError';
import { SiteRowWriter } from './siteRowWriter';
import { findInterruptedImports } from './interruptedImports';
import { thisImportProcess } from './importProcess';

const MAX_REPORTED_ERRORS = 10_000;

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
    file: absolute, sha256, bytes: size, format: 'text', rowsRead: 0, imported: 0, merged: 0, errorCount: 0, errors: [], cancelled: false, stoppedAt: null,
  };
  const resumes = options.resume ? findInterruptedImports(caseFile.db).filter((i) => i.sha256 === sha256 && !i.running).map((i) => ({ chain: i.chain, seq: i.seq })) : [];
  if (options.resume && resumes.length === 0) {
    throw new DossierError('NOT_FOUND', `No unfinished import of ${absolute} (SHA-256 ${sha256}) in this case; nothing to resume.`);
  }
  writeTransaction(caseFile, () =>
    appendAudit(caseFile, {
      action: 'website.import.start',
      recordKind: 'case',
      // The process, so that info/check/rollback elsewhere tell this import running from killed.
      detail: { file: path.basename(absolute), sha256, bytes: size, process: thisImportProcess(), ...(resumes.length ? { resumes } : {}) },
    }),
  );
  const writer = new SiteRowWriter(caseFile, options.orderId ?? null);
  try {
    const batches = parseSiteList(fs.createReadStream(absolute, { highWaterMark: 1 << 16 }), {
      ...(options.map ? { map: options.map } : {}),
      ...(options.format ? { format: options.format } : {}),
      ...(options.header !== undefined ? { header: options.header } : {}),
      batchSize: options.batchSize ?? 20_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (bytes) => options.onProgress?.(bytes, size),
    });
    for await (const batch of batches) {
      options.signal?.throwIfAborted();
      report.format = batch.format;
      writeTransaction(caseFile, () => {
        const before = writer.lastRowid();
        // In key order, index inserts land next to each other instead of all over the B-trees.
        // The sort is stable, so repeated sites keep their file order (the first one's values win).
        const rows = [...batch.rows].sort((a, b) => (a.normalized.identity_key < b.normalized.identity_key ? -1 : a.normalized.identity_key > b.normalized.identity_key ? 1 : 0));
        for (const row of rows) report[writer.write(row)] += 1;
        writer.indexHostsAfter(before);
        // One entry per batch seals every row it wrote (the chain covers content, 0050).
        // rows: list rows this batch stored (what "how far it got" counts); records: rows sealed.
        const written = writer.takeWritten();
        if (written.length > 0) {
          appendAudit(caseFile, {
            action: 'website.import.batch',
            recordKind: 'case',
            detail: { file: path.basename(absolute), rows: rows.length, records: written.length },
            seal: written,
          });
        }
      });
      report.rowsRead += batch.rows.length + batch.errors.length;
      report.errorCount += batch.errors.length;
      for (const error of batch.errors) if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
    }
  } catch (error) {
    if (options.signal?.aborted) report.cancelled = true;
    else if (error instanceof SiteListError) report.stoppedAt = { rowNumber: error.rowNumber, reason: error.message };
    else throw error;
  } finally {
    writeTransaction(caseFile, () =>
      appendAudit(caseFile, {
        action: 'website.import',
        recordKind: 'case',
        detail: {
          file: path.basename(absolute), sha256, rows: report.rowsRead, imported: report.imported, merged: report.merged,
          errors: report.errorCount, cancelled: report.cancelled, stopped: report.stoppedAt?.reason ?? null,
        },
      }),
    );
  }
  return report;
}
