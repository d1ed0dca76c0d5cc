import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { Redaction, RedactionStatus } from '../contract/redaction';
import { findExhibit } from './findExhibit';
import { redactionOf } from './redactionSpec';

/** At most this many rows a call (a case's candidates are reviewed exhibit by exhibit). */
const PAGE_LIMIT = 2000;

/**
 * Live redactions of one exhibit (or of the case), in exhibit order and by place in the exhibit,
 * optionally of one status.
 */
export function listRedactions(caseFile: CaseFile, options: { exhibit?: string; status?: RedactionStatus; limit?: number } = {}): Redaction[] {
  const evidenceId = options.exhibit ? findExhibit(caseFile, options.exhibit).id : null;
  const rows = prepareCached(
    caseFile.db,
    `SELECT r.*, e.exhibit_label FROM redaction r JOIN evidence e ON e.id = r.evidence_id
     WHERE r.deleted_at IS NULL AND (@evidence IS NULL OR r.evidence_id = @evidence) AND (@status IS NULL OR r.status = @status)
     ORDER BY e.exhibit_number, r.evidence_id, coalesce(r.page, 0), coalesce(r.span_start, -1), r.id LIMIT @limit`,
  ).all({ evidence: evidenceId, status: options.status ?? null, limit: Math.min(options.limit ?? PAGE_LIMIT, PAGE_LIMIT) }) as Record<string, unknown>[];
  return rows.map(redactionOf);
}
