import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { verifyOnDisk } from '../outputs/verifyOnDisk';
import { csvCell } from '../outputs/csvCell';
import { spellOutControls } from '../contract/controlCharacters';
import type { StagedOutput } from '../outputs/publishOutputs';
import { formatBatesRange } from './formatBates';
import type { PacketInput } from './PacketInput';
import type { ExhibitPlacement } from './PacketResult';

/** One attachment of an ECF filing, in order, as the court's attachment form takes it. */
export interface EcfAttachment {
  number: number;
  file: string;
  category: 'Exhibit';
  /** The text to paste into the form's description field. */
  description: string;
  batesFirst: string;
  batesLast: string;
  pages: number;
}

/**
 * A file name a court's upload form and every operating system accept: "Exhibit 1 - Storefront
 * capture.pdf", and "Exhibit 3 - Server logs (Part 1 of 2).pdf" for a part of a split exhibit.
 * Characters Windows or macOS refuse, control and bidi characters become "-", and a long title is
 * cut (never the part).
 */
export function ecfFileName(label: string, title: string, part?: { index: number; count: number }): string {
  // Control and bidi characters too: "Exhibit \u202E2" would show reversed in a file manager or the court's upload form.
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, '-').replace(/\s+/g, ' ').trim();
  const name = `${clean(label)} - ${clean(title)}`;
  return `${name.length > 120 ? `${name.slice(0, 119).trimEnd()}…` : name}${part ? ` (Part ${part.index} of ${part.count})` : ''}.pdf`;
}

/** What the clerk and the public must know of a redacted exhibit from its description alone (Rule 5.2(a) and (d)). */
function redactionNote(ex: PacketInput['exhibits'][number]): string {
  if (!ex.redactions) return '';
  return ex.redactions.sealed ? ' (unredacted, filed under seal)' : ' (redacted under Fed. R. Civ. P. 5.2)';
}

/** The attachment list, in exhibit order, for the files an ECF export wrote: one row per file, so one per part of a split exhibit. */
export function ecfAttachments(input: PacketInput, exhibits: ExhibitPlacement[], fileOf: (volume: number) => string): EcfAttachment[] {
  const { bates } = input.options;
  return exhibits
    .flatMap((p) => {
      const ex = input.exhibits.find((e) => e.id === p.exhibitId)!;
      return (p.parts ?? [p]).map((f) => ({
        file: path.basename(fileOf(f.volume)),
        category: 'Exhibit' as const,
        // Spelled out: pasted into the court's form and kept in attachments.json, where a bidi control would reorder it.
        description: spellOutControls(`${ex.label} - ${ex.title}${'part' in f ? ` (Part ${f.part} of ${f.of})` : ''}${redactionNote(ex)} (${formatBatesRange(bates, f.batesFirst, f.batesLast)})`),
        batesFirst: f.batesFirstLabel,
        batesLast: f.batesLastLabel,
        pages: f.pageCount,
      }));
    })
    .map((row, i) => ({ number: i + 1, ...row }));
}

/**
 * Writes attachments.csv and attachments.json beside the main document as temp files (synced,
 * read back and checked), to be published with the PDFs in one step.
 */
export function stageAttachmentLists(dir: string, stem: string, attachments: EcfAttachment[]): StagedOutput[] {
  const csv = stringify([
    ['number', 'file', 'category', 'description', 'bates_first', 'bates_last', 'pages'],
    // The same cell guard as Appendix A's CSV: a label "=HYPERLINK(...)" must not run in the clerk's spreadsheet.
    ...attachments.map((a) => [a.number, a.file, a.category, a.description, a.batesFirst, a.batesLast, a.pages].map((cell) => csvCell(cell))),
  ]);
  const json = `${JSON.stringify(attachments, null, 2)}\n`;
  return [
    ['attachments.csv', csv],
    ['attachments.json', json],
  ].map(([name, text]) => {
    const bytes = Buffer.from(text as string, 'utf8');
    const temp = `${stem}.${name}.tmp`;
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const target = path.join(dir, name as string);
    verifyOnDisk(temp, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }, target);
    return { temp, target };
  });
}
