import type { CaseFile } from '../casefile/CaseFile';
import type { EvidenceVerification } from '../contract/DossierApi';
import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { verifyEvidence } from '../evidence/verifyEvidence';
import { captureVerdict } from './captureVerdict';

/**
 * Evidence verification as users run it (`evidence verify`, the app, `check`): every exhibit's
 * bytes re-hashed, and a web capture's records re-checked one by one on top.
 */
export function verifyEvidenceWithCaptures(
  caseFile: CaseFile,
  id?: string,
  hooks: EvidenceTaskHooks = {},
  options: { record?: boolean; includeDeleted?: boolean } = {},
): Promise<EvidenceVerification[]> {
  return verifyEvidence(caseFile, id, { ...hooks, moreChecks: captureVerdict }, options);
}
