import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { redactionLabel } from '../contract/redaction';
import type { ExhibitRedactions } from './ExhibitRedactions';
import { redactionOf } from './redactionSpec';

/** The accepted redactions of an exhibit (null when it has none): what a public packet burns in. */
export function acceptedRedactions(caseFile: CaseFile, evidenceId: string): ExhibitRedactions | null {
  const rows = (prepareCached(caseFile.db, "SELECT * FROM redaction WHERE evidence_id = ? AND status = 'accepted' AND deleted_at IS NULL ORDER BY id").all(evidenceId) as Record<string, unknown>[]).map(redactionOf);
  if (rows.length === 0) return null;
  const result: ExhibitRedactions = { values: [], boxes: [] };
  const seen = new Set<string>();
  for (const r of rows) {
    const label = redactionLabel(r.category);
    if (r.value !== null && !seen.has(r.value)) {
      seen.add(r.value);
      result.values.push({ value: r.value, kept: r.kept, label });
    }
    if (r.box && r.page !== null) result.boxes.push({ page: r.page, box: r.box, kept: r.kept, label });
  }
  return result;
}
