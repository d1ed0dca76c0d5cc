import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { CapturePageFacts } from './CapturePageFinder';
import type { FailedCaptureRecord } from './verifyCaptureRecords';

/** A page re-derived from the archive, with the id of its record's row as kept in the case (if any). */
export interface ExpectedPage extends CapturePageFacts {
  record_row_id: string | null;
}

/** A kept capture_page row: the facts' fields (0/1 flags as SQLite gives them) with its ids. */
type StoredPage = Omit<CapturePageFacts, 'record_seq'> & { id: string; record_id: string | null };

const COMPARED = ['url', 'host', 'captured_at', 'title', 'http_status', 'text', 'text_truncated', 'listed'] as const;

/** How a kept value is shown in a finding: text fields cut short, the rest as is. */
function shown(value: unknown): string {
  if (value === null) return 'none';
  const text = String(value);
  return text.length > 80 ? `${JSON.stringify(text.slice(0, 80))}…` : JSON.stringify(text);
}

/**
 * The pages kept for a capture (capture_page) against the pages its archive gives now: each kept
 * page must be one the archive gives, field for field, and each page the archive gives must be
 * kept. Pages are matched by their record (or, for a listed page the archive lacks, by URL).
 */
export function comparePages(caseFile: CaseFile, captureId: string, expected: ExpectedPage[]): FailedCaptureRecord[] {
  const stored = prepareCached(caseFile.db, 'SELECT id, record_id, url, host, captured_at, title, http_status, text, text_truncated, listed FROM capture_page WHERE capture_id = ?').all(captureId) as StoredPage[];
  const keyOf = (page: { record_id: string | null; url: string }) => (page.record_id !== null ? `record:${page.record_id}` : `listed:${page.url}`);
  const wanted = new Map(expected.map((p) => [keyOf({ record_id: p.record_row_id, url: p.url }), p]));
  const failed: FailedCaptureRecord[] = [];
  const name = (page: StoredPage) => ({ capture_id: captureId, record_id: page.record_id ?? '(none)', target_uri: page.url, offset: null, page_id: page.id });
  for (const page of stored) {
    const key = keyOf(page);
    const archived = wanted.get(key);
    if (!archived) {
      failed.push({ ...name(page), reason: "the archive holds no such page; it was added or rewritten behind the app's back" });
      continue;
    }
    wanted.delete(key);
    const differing = COMPARED.filter((k) => archived[k] !== page[k]);
    if (differing.length > 0) {
      const archive = differing.filter((k) => k !== 'text').map((k) => `${k} ${shown(archived[k])}`);
      failed.push({
        ...name(page),
        reason: `its ${differing.join(', ')} differ from what the archive holds${archive.length ? ` (the archive: ${archive.join(', ')})` : ''}; changed behind the app's back`,
      });
    }
  }
  for (const page of wanted.values()) {
    failed.push({ capture_id: captureId, record_id: page.record_row_id ?? '(none)', target_uri: page.url, offset: null, page_id: null, reason: "a page the archive holds is missing from the case; removed behind the app's back" });
  }
  return failed;
}
