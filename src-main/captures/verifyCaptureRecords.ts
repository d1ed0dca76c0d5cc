import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { CaptureProblem } from './CaptureRecordData';
import { CapturePageFinder } from './CapturePageFinder';
import type { CaptureFormat } from './detectCaptureFormat';
import { comparePages, type ExpectedPage } from './compareCapturePages';
import { scanStoredCapture } from './scanStoredCapture';
import type { WarcHeaderReading } from './warcHeaderText';

type RecordedRow = Record<string, unknown> & { id: string; seq: number; record_id: string; target_uri: string | null; offset: number | null };

/** One capture record (or page) that failed re-verification, named so an investigator can find it. */
export interface FailedCaptureRecord {
  capture_id: string;
  record_id: string;
  target_uri: string | null;
  offset: number | null;
  /** Set when what failed is a captured page (capture_page) rather than a record: its id, or null for a page the archive holds that is not kept. */
  page_id?: string | null;
  reason: string;
}

/** A file of a WACZ that does not match the SHA-256 (or size) its datapackage.json records. */
export interface FailedCaptureFile {
  capture_id: string;
  path: string;
  /** The scan's own statement of the mismatch (both hashes). */
  reason: string;
}

/** Columns of a record compared field by field after its identity and hashes (those have their own reasons). */
const IDENTITY_AND_HASHES = new Set(['seq', 'record_id', 'offset', 'block_sha256', 'payload_sha256', 'payload_sha1']);

/**
 * Re-reads every capture of an exhibit from the stored bytes and checks each record again: its
 * declared WARC digests against the bytes, the digests computed at import against those computed
 * now, and every other field kept for it (URL, capture time, type, status ...) against what the
 * bytes say; and a WACZ's files against its datapackage.json (as the packet's
 * CAPTURE_DIGEST_MISMATCH does). Then re-derives the capture's pages (CapturePageFinder, as the
 * import did) and compares them with the pages kept: capture_record and capture_page are facts
 * read from the bytes, so a row rewritten with sqlite3 shows here, named with its fields. Names
 * every record, page and file that fails. Used by `evidence verify` and `dossier check`.
 */
export async function verifyCaptureRecords(
  caseFile: CaseFile,
  evidenceId: string,
  signal?: AbortSignal,
): Promise<{ records: number; failed: FailedCaptureRecord[]; failedFiles: FailedCaptureFile[] }> {
  const captures = prepareCached(caseFile.db, `SELECT id, content_sha256, format FROM capture WHERE evidence_id = ? AND import_status <> 'importing'`).all(evidenceId) as StoredCapture[];
  const failed: FailedCaptureRecord[] = [];
  const failedFiles: FailedCaptureFile[] = [];
  let records = 0;
  for (const capture of captures) {
    const checked = await checkCapture(caseFile, capture, 'utf8', signal);
    records += checked.records;
    failedFiles.push(...checked.failedFiles);
    failed.push(...(checked.failed.length > 0 && capture.format !== 'har' && capture.format !== 'mhtml' ? await explainEarlierReading(caseFile, capture, checked.failed, signal) : checked.failed));
  }
  return { records, failed, failedFiles };
}

type StoredCapture = { id: string; content_sha256: string; format: CaptureFormat };

/**
 * Before WARC header values were read as UTF-8 (captures/warcHeaderText), values beyond Latin-1
 * were kept spelled as Latin-1 bytes ("â\x80®" for U+202E). A capture kept that way differs from
 * what its archive holds, but was not changed behind the app's back: when reading the archive the
 * earlier way gives exactly what the case keeps (no failure at all, so nothing else hides behind
 * it), each failure says so and how to put it right. They stay failures: the case still misstates
 * what the archive holds.
 */
async function explainEarlierReading(caseFile: CaseFile, capture: StoredCapture, failed: FailedCaptureRecord[], signal?: AbortSignal): Promise<FailedCaptureRecord[]> {
  const earlier = await checkCapture(caseFile, capture, 'latin1-spelled', signal);
  if (earlier.failed.length > 0) return failed;
  return failed.map((f) => ({
    ...f,
    reason:
      'its WARC header values were kept as an earlier Dossier read them (UTF-8 beyond Latin-1 spelled as Latin-1 bytes), so they differ from what the archive holds; ' +
      "not a change behind the app's back. Import the capture again (dossier capture import --again) to keep them as written",
  }));
}

/** One capture's records, pages and files against its stored bytes, read with the given header reading. */
async function checkCapture(
  caseFile: CaseFile,
  capture: StoredCapture,
  reading: WarcHeaderReading,
  signal?: AbortSignal,
): Promise<{ records: number; failed: FailedCaptureRecord[]; failedFiles: FailedCaptureFile[] }> {
  const failed: FailedCaptureRecord[] = [];
  const failedFiles: FailedCaptureFile[] = [];
  let count = 0;
  const recorded = new Map((prepareCached(caseFile.db, 'SELECT * FROM capture_record WHERE capture_id = ?').all(capture.id) as RecordedRow[]).map((r) => [r.seq, r]));
  const problems: CaptureProblem[] = [];
  const scan = await scanStoredCapture(caseFile.db, capture.content_sha256, capture.format, problems, signal, reading);
  const finder = new CapturePageFinder(scan.listedPages);
  const expectedPages: ExpectedPage[] = [];
  const seen = new Set<number>();
  for await (const now of scan.records) {
    count += 1;
    seen.add(now.seq);
    const before = recorded.get(now.seq);
    const name = { capture_id: capture.id, record_id: now.record_id, target_uri: now.target_uri, offset: now.offset };
    const { html: _html, location: _location, info: _info, ...fields } = now;
    const differing = before ? Object.keys(fields).filter((k) => !IDENTITY_AND_HASHES.has(k) && before[k] !== (fields as Record<string, unknown>)[k]) : [];
    if (!before || before.record_id !== now.record_id || before.offset !== now.offset) {
      failed.push({ ...name, reason: `record ${now.seq + 1} is not the record imported at that place` });
    } else if (before.block_sha256 !== now.block_sha256 || before.payload_sha256 !== now.payload_sha256 || before.payload_sha1 !== now.payload_sha1) {
      failed.push({ ...name, reason: `its bytes hash to SHA-256 ${now.payload_sha256} (payload), recorded ${before.payload_sha256} at import` });
    } else if (differing.length > 0) {
      failed.push({ ...name, reason: `its ${differing.join(', ')} as kept in the case (${differing.map((k) => String(before[k])).join(', ')}) differ from what the archive holds; changed behind the app's back` });
    } else if (now.digest_status === 'mismatch' || now.digest_status === 'truncated') {
      failed.push({ ...name, reason: now.problem ?? `digest ${now.digest_status}` });
    }
    const page = finder.pageOf(now);
    if (page) expectedPages.push({ ...page, record_row_id: before?.id ?? null });
  }
  for (const { page } of finder.unmatchedListed()) expectedPages.push({ ...page, record_row_id: null });
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
  failed.push(...comparePages(caseFile, capture.id, expectedPages));
  return { records: count, failed, failedFiles };
}
