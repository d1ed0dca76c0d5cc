import type { CaseFile } from '../casefile/CaseFile';
import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { checkCaseFile } from '../integrity/checkCaseFile';
import type { PacketProblem } from './checkPacket';

/**
 * `dossier check` as packet problems: export refuses a case that fails it (requirePassingCheck),
 * so `packet --check` must say so too, or it would report "No problems found" for a packet the
 * export then refuses. One error per failing section, with its first finding.
 */
export async function caseCheckProblems(caseFile: CaseFile, hooks: EvidenceTaskHooks = {}): Promise<PacketProblem[]> {
  const report = await checkCaseFile(caseFile, hooks);
  return report.sections
    .filter((s) => !s.ok)
    .map((s) => {
      const first = report.findings.find((f) => f.check === s.name)?.message;
      return {
        severity: 'error' as const,
        code: 'CASE_CHECK_FAILED',
        message: `The case fails "dossier check" (${s.name}: ${s.summary}${first ? `; first finding: ${first}` : ''}), so export refuses it unless --force. Run "dossier check FILE" for every finding.`,
      };
    });
}
