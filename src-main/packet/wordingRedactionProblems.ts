import type { PacketProblem } from './checkPacket';
import type { PacketInput } from './PacketInput';
import { packetWordingHolding, quotedWording } from '../redaction/packetWordingHolding';

/**
 * The accepted text redactions of a public set whose value Dossier's own packet wording holds
 * (packetWordingHolding): redact add refuses them, but a case file written before it did, or a
 * copy merged from one, can still hold them, and the export's leak check would refuse the packet
 * on Dossier's own headings. Reported as errors naming the exhibit and the wording, never the
 * value itself (check output may be logged); the leak check is never told to skip the wording.
 */
export function wordingRedactionProblems(input: PacketInput): PacketProblem[] {
  if (input.options.sealed) return [];
  const problems: PacketProblem[] = [];
  for (const ex of input.exhibits) {
    for (const v of ex.redactions?.values ?? []) {
      const place = packetWordingHolding(v.value);
      if (!place) continue;
      problems.push({
        severity: 'error',
        code: 'REDACTION_VALUE_IN_PACKET_WORDING',
        exhibitId: ex.id,
        message: `${ex.label} has a text redaction of a word Dossier's own wording in filing packets holds (${quotedWording(place, v.value)}): the export's leak check would find it there and refuse the public packet. Find it in dossier redact list FILE "${ex.label}", reject it (dossier redact reject FILE ID) and redact a more specific text as the exhibit has it (or draw a box on a PDF page or image), or file the set under seal (--sealed).`,
      });
    }
  }
  return problems;
}
