import { verifyAudit } from '../audit/verifyAudit';
import type { CaseFile } from '../casefile/CaseFile';
import type { AuditReport } from '../contract/DossierApi';
import { chainBehindFinding, recordedRestores } from './restoreFindings';

/**
 * `audit verify`: every chain's hashes, and what the hashes cannot show, that this copy's own
 * chain stops short of what this computer wrote on it (restoreFindings.ts). Either is a failure.
 */
export function auditReport(caseFile: CaseFile): AuditReport {
  const audit = verifyAudit(caseFile.db);
  const behind = chainBehindFinding(caseFile);
  return { ...audit, ok: audit.ok && behind === null, behind: behind?.message ?? null, restores: recordedRestores(caseFile) };
}
