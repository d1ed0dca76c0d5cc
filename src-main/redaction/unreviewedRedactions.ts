import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';

/** Exhibits (of those given) with Rule 5.2 candidates still pending review, and how many each. */
export function unreviewedRedactions(caseFile: CaseFile, exhibits: readonly { id: string; exhibit_label: string }[]): { exhibitId: string; label: string; count: number }[] {
  const count = prepareCached(caseFile.db, "SELECT count(*) FROM redaction WHERE evidence_id = ? AND status = 'pending' AND deleted_at IS NULL").pluck();
  return exhibits
    .map((e) => ({ exhibitId: e.id, label: e.exhibit_label, count: count.get(e.id) as number }))
    .filter((u) => u.count > 0);
}
