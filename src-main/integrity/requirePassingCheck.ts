import type { CaseFile } from '../casefile/CaseFile';
import { DossierError } from '../contract/errors';
import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { checkCaseFile } from './checkCaseFile';

/**
 * The gate before a packet export or a share: runs `dossier check` and refuses a failing case
 * (CASE_CHECK_FAILED, naming what failed) unless `force`; then returns the reasons, which the
 * caller must print in what it makes (the packet's audit page). null when the case passed.
 */
export async function requirePassingCheck(caseFile: CaseFile, what: string, force: boolean, hooks: EvidenceTaskHooks = {}): Promise<string | null> {
  const report = await checkCaseFile(caseFile, hooks);
  if (report.ok) return null;
  const failed = report.sections.filter((s) => !s.ok).map((s) => `${s.name}: ${s.summary}`);
  const first = report.findings[0]?.message;
  const reasons = `${failed.join(' ')}${first ? ` First finding: ${first}` : ''}`;
  if (!force) {
    throw new DossierError(
      'CASE_CHECK_FAILED',
      `Refusing to ${what}: the case fails "dossier check" (${reasons}). Run "dossier check ${caseFile.path}" for every finding; --force proceeds anyway and says so in the output.`,
      { failed: report.sections.filter((s) => !s.ok).map((s) => s.name) },
    );
  }
  return reasons;
}
