import type { PacketProblem } from './checkPacket';
import type { PacketInput } from './PacketInput';
import { foldForMatching } from '../redaction/foldedText';
import { packetWordingHolding, quotedWording } from '../redaction/packetWordingHolding';
import { compactForm, foldedTextHolds } from '../redaction/valuePattern';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What this packet prints that is neither Dossier's fixed wording nor exhibit content, where a
 * redacted value would meet the same leak check: the declarant, the caption, and the month names
 * of the dates it prints ("May" for May Chen on a packet dating anything in May).
 */
function printedBesideExhibits(input: PacketInput): { where: string; text: string }[] {
  const d = input.options.declarant;
  return [
    { where: "the declarant's name", text: d?.name ?? '' },
    { where: "the declarant's role", text: d?.role ?? '' },
    { where: 'the place of execution', text: d?.place ?? '' },
    { where: "the caption's court", text: input.caption.court },
    { where: "the caption's case number", text: input.caption.docket },
    { where: "the caption's parties", text: input.caption.caption },
    { where: "the document's title", text: input.caption.title },
    { where: 'who prepared the packet', text: input.caption.preparedBy },
    { where: 'the month names of the dates it prints', text: printedMonths(input).join('\n') },
  ].filter((p) => p.text !== '');
}

/** The months of the dates the packet prints (execution, acquisitions, custody, orders), by name. */
function printedMonths(input: PacketInput): string[] {
  const dates = [
    input.caption.date,
    ...input.exhibits.flatMap((ex) => [ex.acquiredAt, ...ex.custody.map((c) => c.at)]),
    ...input.orders.flatMap((o) => [o.filedAt, o.grantedAt, o.servedAt, o.expiresAt]),
  ];
  const months = new Set<string>();
  for (const date of dates) {
    const month = date ? Number(date.slice(5, 7)) : NaN;
    if (month >= 1 && month <= 12) months.add(MONTHS[month - 1]!);
  }
  return [...months];
}

function heldBy(text: string, value: string): boolean {
  const folded = foldForMatching(text).text;
  return foldedTextHolds(folded, value, () => compactForm(folded));
}

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
      if (!place) {
        const printed = printedBesideExhibits(input).find((p) => heldBy(p.text, v.value));
        if (printed) {
          problems.push({
            severity: 'error',
            code: 'REDACTION_VALUE_IN_PACKET_WORDING',
            exhibitId: ex.id,
            message: `${ex.label} has a text redaction of a value this packet prints itself, in ${printed.where}: the export's leak check would find it there and refuse the public packet. Redact a more specific text as the exhibit has it (dossier redact list FILE "${ex.label}", then reject and add), or file the set under seal (--sealed).`,
          });
        }
        continue;
      }
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
