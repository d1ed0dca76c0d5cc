import type { CaseFile } from '../casefile/CaseFile';
import { newId } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { indexForSearch } from '../records/searchIndex';
import type { CaptureProblem, ScannedRecord } from './CaptureRecordData';
import type { CaptureFormat } from './detectCaptureFormat';
import { type CapturedHost, captureHost } from './linkCaptureSites';
import { pageText } from './pageText';
import { type ListedPage, scanStoredCapture } from './scanStoredCapture';

/** Search index kind of a captured page (src-main/search/searchCase maps its hits to the exhibit). */
export const CAPTURE_PAGE_SEARCH_KIND = 'capture_page';

/** URL form used to match a page list entry with a record (a trailing slash or default port differs in writers). */
function urlKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function isPageRecord(record: ScannedRecord): boolean {
  return (record.record_type === 'response' || record.record_type === 'resource') && record.target_uri !== null;
}

/**
 * Writes the records and pages of a stored capture inside the caller's open transaction, and
 * indexes each page's text for search. A page is an HTML response listed in the capture's page list
 * (WACZ pages.jsonl, HAR pages, the MHTML page) or, when the capture has no list, any HTML response
 * that is not a redirect. Listed pages whose HTML is not in the archive are kept and reported.
 */
export async function writeCaptureRecords(caseFile: CaseFile, captureId: string, contentSha256: string, format: CaptureFormat, hooks: EvidenceTaskHooks) {
  const { db } = caseFile;
  const problems: CaptureProblem[] = [];
  const scan = await scanStoredCapture(db, contentSha256, format, problems, hooks.signal);
  const listed = new Map<string, ListedPage>((scan.listedPages ?? []).map((p) => [urlKey(p.url), p]));
  const matched = new Set<string>();
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
  const addPage = (page: { record_id: string | null; url: string; captured_at: string | null; title: string | null; http_status: number | null; text: string; truncated: boolean; listed: boolean }) => {
    const id = newId();
    const host = captureHost(page.url);
    insertPage.run({ ...page, id, capture_id: captureId, host, text_truncated: page.truncated ? 1 : 0, listed: page.listed ? 1 : 0 });
    indexForSearch(db, CAPTURE_PAGE_SEARCH_KIND, id, { title: page.title ?? page.url, body: `${page.url}\n${page.text}` });
    pageCount += 1;
    if (host) {
      const known = hosts.get(host);
      const at = page.captured_at ?? '';
      hosts.set(host, { host, pages: (known?.pages ?? 0) + 1, firstCapturedAt: known && known.firstCapturedAt <= at ? known.firstCapturedAt : at });
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
    if (!isPageRecord(record)) continue;
    const key = urlKey(record.target_uri!);
    const entry = listed.get(key);
    const isRedirect = record.http_status !== null && record.http_status >= 300 && record.http_status < 400;
    // A page cut short in the archive would look whole in lists and search: it is reported, not listed.
    if (record.digest_status === 'truncated') continue;
    const wanted = scan.listedPages ? entry !== undefined && !matched.has(key) && !isRedirect : html !== null && !isRedirect;
    if (!wanted) continue;
    matched.add(key);
    const text = html ? pageText(html, record.content_type) : { title: null, text: '', truncated: false };
    addPage({
      record_id: rowId,
      url: record.target_uri!,
      captured_at: record.captured_at ?? entry?.ts ?? null,
      title: text.title ?? entry?.title ?? null,
      http_status: record.http_status,
      text: text.text,
      truncated: text.truncated,
      listed: entry !== undefined,
    });
  }
  for (const [key, entry] of listed) {
    if (matched.has(key)) continue;
    addPage({ record_id: null, url: entry.url, captured_at: entry.ts, title: entry.title, http_status: null, text: '', truncated: false, listed: true });
    problems.push({ offset: null, member: null, message: `The page list names ${entry.url}, but no response for it is in the archive.`, kind: 'damage' });
  }
  const software = typeof scan.info.software === 'string' ? scan.info.software : null;
  return { recordCount, pageCount, problems, hosts: [...hosts.values()], tool: tool ?? software, info: scan.info };
}
