import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { closeCaseFile } from '../casefile/openCaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import type { CaptureImportResult } from '../contract/captures';
import { DossierError } from '../contract/errors';
import type { EvidenceUpdate } from '../contract/schemas';
import { addCustodyEvent } from '../evidence/custody';
import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { importEvidence } from '../evidence/importEvidence';
import { openImportConnection } from '../evidence/openImportConnection';
import { runInVaultQueue } from '../evidence/vaultQueue';
import { getWebsite } from '../websites/websiteService';
import type { CaptureProblem } from './CaptureRecordData';
import { getCapture, listCapturePages, listCaptures } from './captureRows';
import { detectCaptureFormat, type CaptureFormat } from './detectCaptureFormat';
import { findSameCapture } from './findSameCapture';
import { readStoredRange } from './storedBytes';
import { type CapturedHost, linkCaptureSites } from './linkCaptureSites';
import { writeCaptureRecords } from './writeCaptureRecords';

export interface CaptureImportOptions extends EvidenceUpdate {
  /** Link the capture to this website whatever hosts it holds. */
  websiteId?: string | undefined;
  /** Add a website for each captured host the case does not have yet. */
  createSites?: boolean | undefined;
  /** Import even when an exhibit already holds a capture with the same bytes (a second capture of them). */
  again?: boolean | undefined;
}

function readHead(file: string): Buffer {
  const handle = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    return head.subarray(0, fs.readSync(handle, head, 0, head.length, 0));
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * Imports a web capture (WARC, WARC.GZ, WACZ, HAR, MHTML): the file is stored byte-exact as one
 * exhibit through the ordinary evidence import, then its stored bytes are read back and parsed into
 * capture records and pages, linked to the case's websites by host. The capture row is committed
 * as 'importing' first, so an import that stops (crash, cancel, error) never looks complete; the
 * parse commits whole, with the status 'complete' or 'partial' and every problem named with its offset.
 */
export async function importCapture(
  caseFile: CaseFile,
  filePath: string,
  options: CaptureImportOptions = {},
  hooks: EvidenceTaskHooks = {},
): Promise<CaptureImportResult> {
  const absolute = path.resolve(filePath);
  let head: Buffer;
  try {
    head = readHead(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DossierError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IMPORT_FAILED', `Cannot read ${absolute}: ${code ?? (error as Error).message}.`, { path: absolute });
  }
  const format = detectCaptureFormat(path.basename(absolute), head);
  const { websiteId, createSites, again, ...fields } = options;
  if (websiteId) getWebsite(caseFile, websiteId); // NOT_FOUND before anything is stored
  if (!again) {
    const same = await findSameCapture(caseFile.db, absolute);
    if (same) {
      throw new DossierError(
        'ALREADY_EXISTS',
        `${path.basename(absolute)} is already in this case as ${same.exhibit_label} (exhibit ${same.evidence_id}, the same bytes: SHA-256 ${same.sha256}); nothing was imported. Use that exhibit, or import with --again to record a second capture of it.`,
        { evidence_id: same.evidence_id, capture_id: same.capture_id, sha256: same.sha256 },
      );
    }
  }
  const imported = await importEvidence(caseFile, [absolute], { kind: 'web_capture', ...fields }, hooks);
  const evidence = imported.items[0]!.evidence;
  return runInVaultQueue(caseFile.path, () => parseIntoCase(caseFile, evidence.id, evidence.content_sha256!, format, { websiteId, createSites: createSites ?? false }, hooks));
}

/** SQLite page cache of the connection that parses a capture, in KiB. */
const PARSE_CACHE_KIB = 2048;

/** What a parse works on: a new capture row to create, or a capture left 'importing' to parse again. */
type ParseTarget = { kind: 'new' } | { kind: 'existing'; captureId: string };

/**
 * Parses into the case the stored bytes of an exhibit whose capture import was interrupted (the
 * capture is still 'importing': the process stopped mid-parse). The parse writes every record and
 * page in one transaction, so an interrupted one left none; this one ends the capture complete or
 * partial exactly as the import would have. A web-capture exhibit whose capture was never recorded
 * (the crash came right after storing) gets one. A capture that finished is refused (never parsed twice).
 */
export async function reparseCapture(caseFile: CaseFile, evidenceId: string, hooks: EvidenceTaskHooks = {}): Promise<CaptureImportResult> {
  return runInVaultQueue(caseFile.path, () => {
    const captures = listCaptures(caseFile.db, evidenceId);
    if (captures.length === 0) {
      // A crash between storing the exhibit and recording its capture: the exhibit is a web capture with no capture yet.
      const exhibit = caseFile.db.prepare(`SELECT kind, original_name, content_sha256 FROM evidence WHERE id = ? AND deleted_at IS NULL`).get(evidenceId) as
        | { kind: string; original_name: string | null; content_sha256: string | null }
        | undefined;
      if (exhibit?.kind !== 'web_capture' || !exhibit.content_sha256) {
        throw new DossierError('NOT_FOUND', `Exhibit ${evidenceId} holds no web capture. Import the archive with "dossier capture import".`, { evidence_id: evidenceId });
      }
      const format = detectCaptureFormat(exhibit.original_name ?? '', readStoredRange(caseFile.db, exhibit.content_sha256, 0, 4096));
      return parseIntoCase(caseFile, evidenceId, exhibit.content_sha256, format, { createSites: false }, hooks);
    }
    const interrupted = captures.find((c) => c.import_status === 'importing');
    if (!interrupted) {
      const c = captures[0]!;
      throw new DossierError(
        'INVALID_REQUEST',
        `The capture of ${c.exhibit_label} finished its import (${c.import_status}); only a capture whose import was interrupted is parsed again.`,
        { evidence_id: evidenceId, capture_id: c.id },
      );
    }
    const row = caseFile.db.prepare('SELECT content_sha256, format FROM capture WHERE id = ?').get(interrupted.id) as { content_sha256: string; format: CaptureFormat };
    return parseIntoCase(caseFile, evidenceId, row.content_sha256, row.format, { createSites: false }, hooks, { kind: 'existing', captureId: interrupted.id });
  });
}

/**
 * Records that a capture's parse begins: the capture row, committed as 'importing' before any record
 * is read, so a parse that never finishes (a crash, a killed process) is seen as interrupted.
 */
export function beginCaptureImport(connection: CaseFile, evidenceId: string, contentSha256: string, format: CaptureFormat): string {
  const captureId = newId();
  writeTransaction(connection, () => {
    prepareCached(
      connection.db,
      `INSERT INTO capture (id, evidence_id, content_sha256, format, import_status, created_at, created_by, hlc)
       VALUES (?, ?, ?, ?, 'importing', ?, ?, ?)`,
    ).run(captureId, evidenceId, contentSha256, format, nowIso(), connection.actor.name, connection.clock.tick());
  });
  return captureId;
}

async function parseIntoCase(
  caseFile: CaseFile,
  evidenceId: string,
  contentSha256: string,
  format: CaptureFormat,
  options: { websiteId?: string | undefined; createSites: boolean },
  hooks: EvidenceTaskHooks,
  target: ParseTarget = { kind: 'new' },
): Promise<CaptureImportResult> {
  const connection = openImportConnection(caseFile);
  // The parse reads the whole exhibit once and writes in one transaction: a small page cache keeps
  // SQLite from holding up to the connection's usual 32 MiB of archive pages (dirty pages spill to the WAL).
  connection.db.pragma(`cache_size = -${PARSE_CACHE_KIB}`);
  try {
    const captureId = target.kind === 'existing' ? target.captureId : beginCaptureImport(connection, evidenceId, contentSha256, format);
    const { db } = connection;
    let hosts: CapturedHost[] = [];
    let linked: Pick<CaptureImportResult, 'websites' | 'unmatched_hosts'> = { websites: [], unmatched_hosts: [] };
    try {
      db.exec('BEGIN IMMEDIATE');
      if (target.kind === 'existing') {
        // Checked again under the write lock: another process may have finished it meanwhile.
        const status = prepareCached(db, 'SELECT import_status FROM capture WHERE id = ?').pluck().get(captureId);
        if (status !== 'importing') throw new DossierError('INVALID_REQUEST', `The capture ${captureId} is no longer interrupted (${String(status)}); nothing was changed.`);
        // The parse writes all its rows in one transaction, so an interrupted one left none behind.
      }
      const written = await writeCaptureRecords(connection, captureId, contentSha256, format, hooks);
      hosts = written.hosts;
      linked = linkCaptureSites(connection, evidenceId, hosts, options);
      const damaged = written.problems.filter((p) => p.kind !== 'digest');
      const status = damaged.length > 0 ? 'partial' : 'complete';
      prepareCached(
        db,
        `UPDATE capture SET import_status = ?, record_count = ?, page_count = ?, problems = ?, tool = ?, capture_info = ? WHERE id = ?`,
      ).run(status, written.recordCount, written.pageCount, JSON.stringify(written.problems), written.tool, JSON.stringify(written.info), captureId);
      addCustodyEvent(connection, {
        evidence_id: evidenceId,
        action: 'note',
        from_party: written.tool ? written.tool.slice(0, 300) : null,
        result: damaged.length > 0 ? 'failed' : written.problems.length > 0 ? 'mismatch' : 'ok',
        details: custodyDetails(format, written.tool, written.recordCount, written.pageCount, written.problems).slice(0, 5000),
      });
      appendAudit(connection, {
        action: target.kind === 'existing' ? 'capture.reparse' : 'capture.import',
        recordKind: 'evidence',
        recordId: evidenceId,
        detail: { capture: captureId, format, status, records: written.recordCount, pages: written.pageCount, problems: written.problems.length },
      });
      if (hooks.signal?.aborted) throw new DossierError('CANCELLED', 'The capture import was cancelled; the exhibit is kept, its capture is marked incomplete.');
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (target.kind === 'existing' && error instanceof DossierError && error.code === 'INVALID_REQUEST') throw error;
      const message = error instanceof DossierError ? error.message : `${(error as Error).message}`;
      writeTransaction(connection, () => {
        prepareCached(db, `UPDATE capture SET import_status = 'partial', problems = ? WHERE id = ?`).run(
          JSON.stringify([{ offset: null, member: null, message: `The import stopped before any record was kept: ${message}`, kind: 'damage' }]),
          captureId,
        );
      });
      if (error instanceof DossierError) throw error;
      throw new DossierError('IMPORT_FAILED', `The capture was stored as an exhibit but could not be parsed (${message}); its capture is marked incomplete.`, { evidence_id: evidenceId });
    }
    return { capture: getCapture(db, captureId), evidence_id: evidenceId, pages: listCapturePages(db, { captureId }), ...linked };
  } finally {
    closeCaseFile(connection);
  }
}

function custodyDetails(format: CaptureFormat, tool: string | null, records: number, pages: number, problems: CaptureProblem[]): string {
  const lines = [
    `Capture tool: ${tool ?? 'not stated in the archive'} (as the archive records it).`,
    `Parsed from the stored bytes as a web capture (${format.toUpperCase()}): ${records} record(s), ${pages} page(s).`,
    problems.length === 0 ? 'Every declared digest matched; no damage found.' : `${problems.length} problem(s):`,
    ...problems.slice(0, 20).map((p) => `- ${p.message}`),
    problems.length > 20 ? `- … and ${problems.length - 20} more ("capture list" shows them all).` : null,
  ];
  return lines.filter(Boolean).join('\n');
}

