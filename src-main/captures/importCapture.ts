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
import { getCapture, listCapturePages } from './captureRows';
import { detectCaptureFormat, type CaptureFormat } from './detectCaptureFormat';
import { type CapturedHost, linkCaptureSites } from './linkCaptureSites';
import { writeCaptureRecords } from './writeCaptureRecords';

export interface CaptureImportOptions extends EvidenceUpdate {
  /** Link the capture to this website whatever hosts it holds. */
  websiteId?: string | undefined;
  /** Add a website for each captured host the case does not have yet. */
  createSites?: boolean | undefined;
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
  const { websiteId, createSites, ...fields } = options;
  if (websiteId) getWebsite(caseFile, websiteId); // NOT_FOUND before anything is stored
  const imported = await importEvidence(caseFile, [absolute], { kind: 'web_capture', ...fields }, hooks);
  const evidence = imported.items[0]!.evidence;
  return runInVaultQueue(caseFile.path, () => parseIntoCase(caseFile, evidence.id, evidence.content_sha256!, format, { websiteId, createSites: createSites ?? false }, hooks));
}

async function parseIntoCase(
  caseFile: CaseFile,
  evidenceId: string,
  contentSha256: string,
  format: CaptureFormat,
  options: { websiteId?: string | undefined; createSites: boolean },
  hooks: EvidenceTaskHooks,
): Promise<CaptureImportResult> {
  const connection = openImportConnection(caseFile);
  const captureId = newId();
  try {
    writeTransaction(connection, () => {
      prepareCached(
        connection.db,
        `INSERT INTO capture (id, evidence_id, content_sha256, format, import_status, created_at, created_by, hlc)
         VALUES (?, ?, ?, ?, 'importing', ?, ?, ?)`,
      ).run(captureId, evidenceId, contentSha256, format, nowIso(), connection.actor.name, connection.clock.tick());
    });
    const { db } = connection;
    let hosts: CapturedHost[] = [];
    let linked: Pick<CaptureImportResult, 'websites' | 'unmatched_hosts'> = { websites: [], unmatched_hosts: [] };
    try {
      db.exec('BEGIN IMMEDIATE');
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
        action: 'capture.import',
        recordKind: 'evidence',
        recordId: evidenceId,
        detail: { capture: captureId, format, status, records: written.recordCount, pages: written.pageCount, problems: written.problems.length },
      });
      if (hooks.signal?.aborted) throw new DossierError('CANCELLED', 'The capture import was cancelled; the exhibit is kept, its capture is marked incomplete.');
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
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

