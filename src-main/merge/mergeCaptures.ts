import type Database from 'better-sqlite3';
import type { CaseFile } from '../casefile/CaseFile';
import { unionByPrimaryKey } from './mergeAppendOnly';
import { indexForSearch } from '../records/searchIndex';
import { CAPTURE_PAGE_SEARCH_KIND, capturePageSearchText } from '../captures/writeCaptureRecords';

/**
 * Brings a teammate's web captures into the merged case: captures, records and pages are facts read
 * from exhibit bytes (append-only), so they are unioned by id, and new pages are indexed for search.
 * Runs inside the merge transaction, after exhibits and their bytes are merged. A copy from before
 * captures existed (no capture table) brings none.
 */
export function mergeCaptures(target: CaseFile, other: Database.Database): number {
  const hasTables = other.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('capture','capture_record','capture_page')").pluck().get() as number;
  if (hasTables < 3) return 0;
  const before = new Set(target.db.prepare('SELECT id FROM capture_page').pluck().all() as string[]);
  const added = unionByPrimaryKey(target, other, 'capture', ['id']) + unionByPrimaryKey(target, other, 'capture_record', ['id']) + unionByPrimaryKey(target, other, 'capture_page', ['id']);
  const pageIds = (target.db.prepare('SELECT id FROM capture_page').pluck().all() as string[]).filter((id) => !before.has(id));
  const select = target.db.prepare('SELECT id, url, title, text FROM capture_page WHERE id = ?');
  for (const id of pageIds) {
    const page = select.get(id) as { id: string; url: string; title: string | null; text: string };
    indexForSearch(target.db, CAPTURE_PAGE_SEARCH_KIND, page.id, capturePageSearchText(page));
  }
  return added;
}
