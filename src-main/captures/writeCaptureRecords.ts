import type { CaseFile } from '../casefile/CaseFile';
import { newId } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { indexForSearch } from '../records/searchIndex';
import type { CaptureProblem } from './CaptureRecordData';
import { type CapturePageFacts, CapturePageFinder } from './CapturePageFinder';
import type { CaptureFormat } from './detectCaptureFormat';
import { type CapturedHost, earlierCaptureTime } from './linkCaptureSites';
import { scanStoredCapture } from './scanStoredCapture';

/** Search index kind of a captured page (src-main/search/searchCase maps its hits to the exhibit). */
export const CAPTURE_PAGE_SEARCH_KIND = 'capture_page';

/**
 * What the search index holds for a captured page. The import, a merge and `dossier check`
 * (which compares the index with it) all take it from here.
 */
export function capturePageSearchText(page: { url: string; title: string | null; text: string }): { title: string; body: string } {
  return { title: page.title ?? page.url, body: `${page.url}\n${page.text}` };
}

/**
 * Writes the records and pages of a stored capture inside the caller's open transaction, and
 * indexes each page's text for search. Which records are pages, and what they say, is
 * CapturePageFinder's, which `dossier check` re-derives from the stored bytes.
 */
export async function writeCaptureRecords(caseFile: CaseFile, captureId: string, contentSha256: string, format: CaptureFormat, hooks: EvidenceTaskHooks) {
  const { db } = caseFile;
  const problems: CaptureProblem[] = [];
  const scan = await scanStoredCapture(db, contentSha256, format, problems, hooks.signal);
  const finder = new CapturePageFinder(scan.listedPages);
  const insertRecord = prepareCached(
    db,
    `INSERT INTO capture_record (id, capture_id, seq, record_id, record_type, target_uri, captured_at, ip, content_type, http_status,
       member, member_offset, member_method, offset, length, block_sha256, payload_sha1, payload_sha256, payload_length,
       declared_block_digest, declared_payload_digest, digest_status, problem)
     VALUES (@id, @capture_id, @seq, @record_id, @record_type, @target_uri, @captured_at, @ip, @content_type, @http_status,
       @member, @member_offset, @member_method, @offset, @length, @block_sha256, @payload_sha1, @payload_sha256, @payload_length,
       @declared_block_digest, @declared_payload_digest, @digest_status, @problem)`,
  );
  const insertPage = prepareCached(
    db,
    `INSERT INTO capture_page (id, capture_id, record_id, url, host, captured_at, title, http_status, text, text_truncated, listed)
     VALUES (@id, @capture_id, @record_id, @url, @host, @captured_at, @title, @http_status, @text, @text_truncated, @listed)`,
  );
  const hosts = new Map<string, CapturedHost>();
  let tool: string | null = null;
  let recordCount = 0;
  let pageCount = 0;
  const addPage = (recordRowId: string | null, facts: CapturePageFacts) => {
    const id = newId();
    const { record_seq: _seq, ...page } = facts;
    insertPage.run({ ...page, id, capture_id: captureId, record_id: recordRowId });
    indexForSearch(db, CAPTURE_PAGE_SEARCH_KIND, id, capturePageSearchText(page));
    pageCount += 1;
    if (page.host) {
      const known = hosts.get(page.host);
      hosts.set(page.host, { host: page.host, pages: (known?.pages ?? 0) + 1, firstCapturedAt: earlierCaptureTime(known?.firstCapturedAt ?? null, page.captured_at) });
    }
  };

  for await (const record of scan.records) {
    if (hooks.signal?.aborted) throw new DossierError('CANCELLED', 'The capture import was cancelled.');
    const rowId = newId();
    const { html, location: _location, info, ...row } = record;
    insertRecord.run({ ...row, id: rowId, capture_id: captureId });
    recordCount += 1;
    if (recordCount % 500 === 0) hooks.onProgress?.({ phase: 'capture', done: recordCount, total: null, unit: 'items', message: `${recordCount} records read` });
    if (info && !tool) tool = info.software ?? null;
    const page = finder.pageOf(record);
    if (page) addPage(rowId, page);
  }
  for (const { page, problem } of finder.unmatchedListed()) {
    addPage(null, page);
    problems.push(problem);
  }
  const software = typeof scan.info.software === 'string' ? scan.info.software : null;
  return { recordCount, pageCount, problems, hosts: [...hosts.values()], tool: tool ?? software, info: scan.info };
}
