import type { CaptureProblem, ScannedRecord } from './CaptureRecordData';
import { captureHost } from './linkCaptureSites';
import { pageText } from './pageText';
import type { ListedPage } from './scanStoredCapture';

/** A captured page as its archive gives it: a capture_page row without its ids (record_id is the scanned record's seq). */
export interface CapturePageFacts {
  /** The seq of the record holding the page's HTML; null for a listed page the archive lacks. */
  record_seq: number | null;
  url: string;
  host: string | null;
  captured_at: string | null;
  title: string | null;
  http_status: number | null;
  text: string;
  text_truncated: 0 | 1;
  listed: 0 | 1;
}

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
 * Which records of a capture are pages, and what each page says, as the records are read in order.
 * A page is an HTML response listed in the capture's page list (WACZ pages.jsonl, HAR pages, the
 * MHTML page) or, when the capture has no list, any HTML response that is not a redirect. Listed
 * pages whose HTML is not in the archive are kept and reported. The import (writeCaptureRecords)
 * writes what this finds and `dossier check` (verifyCaptureRecords) re-derives it from the stored
 * bytes and compares: a change here changes what check expects of captures imported before it,
 * so keep it stable (pageText too).
 */
export class CapturePageFinder {
  private readonly listed: Map<string, ListedPage>;
  private readonly matched = new Set<string>();

  constructor(private readonly listedPages: ListedPage[] | null) {
    this.listed = new Map((listedPages ?? []).map((p) => [urlKey(p.url), p]));
  }

  /** The page a record holds, or null when it is not one. Call once per record, in order. */
  pageOf(record: ScannedRecord): CapturePageFacts | null {
    if (!isPageRecord(record)) return null;
    const key = urlKey(record.target_uri!);
    const entry = this.listed.get(key);
    const isRedirect = record.http_status !== null && record.http_status >= 300 && record.http_status < 400;
    // A page cut short in the archive would look whole in lists and search: it is reported, not listed.
    if (record.digest_status === 'truncated') return null;
    const wanted = this.listedPages ? entry !== undefined && !this.matched.has(key) && !isRedirect : record.html !== null && !isRedirect;
    if (!wanted) return null;
    this.matched.add(key);
    const text = record.html ? pageText(record.html, record.content_type) : { title: null, text: '', truncated: false };
    return {
      record_seq: record.seq,
      url: record.target_uri!,
      host: captureHost(record.target_uri!),
      captured_at: record.captured_at ?? entry?.ts ?? null,
      title: text.title ?? entry?.title ?? null,
      http_status: record.http_status,
      text: text.text,
      text_truncated: text.truncated ? 1 : 0,
      listed: entry !== undefined ? 1 : 0,
    };
  }

  /** After the last record: the listed pages no record held, each with the problem it is. */
  unmatchedListed(): { page: CapturePageFacts; problem: CaptureProblem }[] {
    const found: { page: CapturePageFacts; problem: CaptureProblem }[] = [];
    for (const [key, entry] of this.listed) {
      if (this.matched.has(key)) continue;
      found.push({
        page: { record_seq: null, url: entry.url, host: captureHost(entry.url), captured_at: entry.ts, title: entry.title, http_status: null, text: '', text_truncated: 0, listed: 1 },
        problem: { offset: null, member: null, message: `The page list names ${entry.url}, but no response for it is in the archive.`, kind: 'damage' },
      });
    }
    return found;
  }
}
