import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { CaptureProblem } from './CaptureRecordData';
import type { CaptureFormat } from './detectCaptureFormat';
import { scanStoredCapture } from './scanStoredCapture';

interface RecordedRow {
  seq: number;
  record_id: string;
  target_uri: string | null;
  offset: number | null;
  block_sha256: string | null;
  payload_sha256: string | null;
  payload_sha1: string | null;
  digest_status: string;
}

/** One capture record that failed re-verification, named so an investigator can find it. */
export interface FailedCaptureRecord {
  capture_id: string;
  record_id: string;
  target_uri: string | null;
  offset: number | null;
  reason: string;
}

/** A file of a WACZ that does not match the SHA-256 (or size) its datapackage.json records. */
export interface FailedCaptureFile {
  capture_id: string;
  path: string;
  /** The scan's own statement of the mismatch (both hashes). */
  reason: string;
}

/**
 * Re-reads every capture of an exhibit from the stored bytes and checks each record again: its
 * declared WARC digests against the bytes, and the digests computed at import against those
 * computed now, and a WACZ's files against its datapackage.json (as the packet's
 * CAPTURE_DIGEST_MISMATCH does: a capture its own tool's digests contradict fails here too, like a
 * WARC record's). Names every record and file that fails. Used by `evidence verify` and `check`.
 */
export async function verifyCaptureRecords(
  caseFile: CaseFile,
  evidenceId: string,
  signal?: AbortSignal,
): Promise<{ records: number; failed: FailedCaptureRecord[]; failedFiles: FailedCaptureFile[] }> {
  const captures = prepareCached(caseFile.db, `SELECT id, content_sha256, format FROM capture WHERE evidence_id = ? AND import_status <> 'importing'`).all(evidenceId) as {
    id: string;
    content_sha256: string;
    format: CaptureFormat;
  }[];
  const failed: FailedCaptureRecord[] = [];
  const failedFiles: FailedCaptureFile[] = [];
  let records = 0;
  for (const capture of captures) {
    const recorded = new Map(
      (prepareCached(caseFile.db, 'SELECT seq, record_id, target_uri, offset, block_sha256, payload_sha256, payload_sha1, digest_status FROM capture_record WHERE capture_id = ?').all(capture.id) as RecordedRow[]).map(
        (r) => [r.seq, r],
      ),
    );
    const problems: CaptureProblem[] = [];
    const scan = await scanStoredCapture(caseFile.db, capture.content_sha256, capture.format, problems, signal);
    const seen = new Set<number>();
    for await (const now of scan.records) {
      records += 1;
      seen.add(now.seq);
      const before = recorded.get(now.seq);
      const name = { capture_id: capture.id, record_id: now.record_id, target_uri: now.target_uri, offset: now.offset };
      if (!before || before.record_id !== now.record_id || before.offset !== now.offset) {
        failed.push({ ...name, reason: `record ${now.seq + 1} is not the record imported at that place` });
      } else if (before.block_sha256 !== now.block_sha256 || before.payload_sha256 !== now.payload_sha256 || before.payload_sha1 !== now.payload_sha1) {
        failed.push({ ...name, reason: `its bytes hash to SHA-256 ${now.payload_sha256} (payload), recorded ${before.payload_sha256} at import` });
      } else if (now.digest_status === 'mismatch' || now.digest_status === 'truncated') {
        failed.push({ ...name, reason: now.problem ?? `digest ${now.digest_status}` });
      }
    }
    for (const [seq, before] of recorded) {
      if (!seen.has(seq)) failed.push({ capture_id: capture.id, record_id: before.record_id, target_uri: before.target_uri, offset: before.offset, reason: 'it can no longer be read from the stored bytes' });
    }
    // Filled in by the scan once every record has been read (the WARC members are hashed as they stream).
    const checked = scan.info.datapackage_checked as { path: string; ok: boolean }[] | undefined;
    for (const file of checked ?? []) {
      if (file.ok) continue;
      const stated = problems.find((p) => p.member === file.path && p.message.includes('datapackage.json'))?.message;
      failedFiles.push({ capture_id: capture.id, path: file.path, reason: stated ?? `${file.path} does not match datapackage.json.` });
    }
  }
  return { records, failed, failedFiles };
}
