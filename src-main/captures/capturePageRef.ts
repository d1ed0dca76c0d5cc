import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { RecordRef } from '../contract/records';
import { itemRef } from '../items/itemSpecs';

/**
 * A search hit on a captured page, shown as its exhibit (the item a user opens, links and files),
 * with the page's URL as subtitle. Null when the page or its exhibit is gone (deleted exhibit).
 */
export function capturePageRef(caseFile: CaseFile, pageId: string): RecordRef | null {
  const row = prepareCached(
    caseFile.db,
    `SELECT c.evidence_id, p.url, p.title FROM capture_page p JOIN capture c ON c.id = p.capture_id WHERE p.id = ?`,
  ).get(pageId) as { evidence_id: string; url: string; title: string | null } | undefined;
  if (!row) return null;
  try {
    const exhibit = itemRef(caseFile, row.evidence_id);
    return { ...exhibit, subtitle: `Captured page ${row.url}${row.title ? ` — ${row.title}` : ''}`.slice(0, 300) };
  } catch {
    return null;
  }
}
