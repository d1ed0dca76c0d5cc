import type { PacketProblem } from './checkPacket';
import { formatLongDate } from './formatText';
import type { PacketInput } from './PacketInput';

/**
 * Custody events a filing must not pass over: a hand-over or check at which the hash seen was not
 * the exhibit's, or that failed. Warnings, not errors: the events cannot be removed (a correction
 * is a new event), the stored bytes are re-verified by the export, and the declaration and custody
 * report state each of them; counsel must know before filing.
 */
export function custodyProblems(input: PacketInput): PacketProblem[] {
  const problems: PacketProblem[] = [];
  for (const ex of input.exhibits) {
    for (const e of ex.custody) {
      if (e.result !== 'mismatch' && e.result !== 'failed') continue;
      const seen = e.hashSeen ? ` (hash seen ${e.hashSeen}; the exhibit's SHA-256 is ${ex.sha256})` : '';
      problems.push({
        severity: 'warning',
        code: e.result === 'mismatch' ? 'CUSTODY_HASH_MISMATCH' : 'CUSTODY_CHECK_FAILED',
        exhibitId: ex.id,
        message: `${ex.label}: the custody event “${e.action}” of ${formatLongDate(e.at)} recorded ${e.result === 'mismatch' ? 'a mismatch' : 'a failed check'}${seen}. The declaration and the custody report state it; find out what was handed over or checked (dossier custody FILE ${ex.id}).`,
      });
    }
  }
  return problems;
}
