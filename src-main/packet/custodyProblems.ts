import type { PacketProblem } from './checkPacket';
import { custodyResult, first, SOURCE_NOT_RECORDED } from './exhibitFacts';
import { formatLongDateStated } from './formatText';
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
    const contradiction = acquisitionContradiction(ex);
    if (contradiction) problems.push(contradiction);
    for (const e of ex.custody) {
      const { result, recorded } = custodyResult(ex, e);
      if (result !== 'mismatch' && result !== 'failed') continue;
      const seen = e.hashSeen ? ` (hash seen ${e.hashSeen}; the exhibit's SHA-256 is ${ex.sha256})` : '';
      problems.push({
        severity: 'warning',
        code: result === 'mismatch' ? 'CUSTODY_HASH_MISMATCH' : 'CUSTODY_CHECK_FAILED',
        exhibitId: ex.id,
        message: `${ex.label}: the custody event “${e.action}” of ${formatLongDateStated(e.at)} ${recorded ? `was recorded as “${recorded}” but its hash seen is not the exhibit's` : `recorded ${result === 'mismatch' ? 'a mismatch' : 'a failed check'}`}${seen}. The declaration and the custody report state it; find out what was handed over or checked (dossier custody FILE ${ex.id}).`,
      });
    }
  }
  return problems;
}

/**
 * The exhibit's acquisition fields against its acquisition custody event: an edit after import
 * makes the index and slip sheet (the fields) say one thing and the declaration and custody report
 * (the event, sealed at import) another. An error: a sworn packet must not contradict itself.
 */
function acquisitionContradiction(ex: PacketInput['exhibits'][number]): PacketProblem | null {
  const event = first(ex.custody, 'acquired');
  if (!ex.acquiredAtRecorded) return null;
  if (!event) {
    return {
      severity: 'warning',
      code: 'ACQUISITION_NOT_IN_CUSTODY',
      exhibitId: ex.id,
      message: `${ex.label}'s acquisition (${ex.acquiredAt}) was entered after import: no custody event records it. The index and slip sheet print it; the declaration says the case file records no acquisition before the import, because nothing sealed at import does.`,
    };
  }
  const differs: string[] = [];
  if (ex.acquiredAt !== event.at) differs.push(`acquired at ${ex.acquiredAt} (the custody event: ${event.at})`);
  const by = ex.acquiredBy?.trim() || null;
  const eventBy = event.toParty?.trim() || null;
  if (by !== eventBy) differs.push(`acquired by ${by ?? 'nobody recorded'} (the custody event: ${eventBy ?? 'nobody recorded'})`);
  // The event's from-party is the source as it stood at import, cut to the custody field's 300
  // characters (evidence/importEvidenceFile; casePacketInput picks the source in the same order).
  // An event naming no source (one added by hand) names none the fields could contradict.
  const from = ex.source === SOURCE_NOT_RECORDED ? null : ex.source.slice(0, 300);
  const eventFrom = event.fromParty ?? null;
  if (eventFrom !== null && from !== eventFrom) differs.push(`acquired from ${from ?? 'no source recorded'} (the custody event: ${eventFrom ?? 'no source recorded'})`);
  if (differs.length === 0) return null;
  return {
    severity: 'error',
    code: 'ACQUISITION_CONTRADICTS_CUSTODY',
    exhibitId: ex.id,
    message: `${ex.label}'s fields were edited after import and now say ${differs.join(' and ')}. The index and slip sheet print the fields, the declaration and custody report the acquisition recorded at import, so the packet would contradict itself: edit the fields back (dossier edit FILE ${ex.id} --acquired-at ${event.at}${eventBy ? ` --acquired-by "${eventBy}"` : ''}${eventFrom !== null && from !== eventFrom ? `, and its source to "${eventFrom}"` : ''}), or export with --force (the packet then says so).`,
  };
}
