import { formatBates } from './formatBates';
import { formatShortDateStated } from './formatText';
import type { LayoutFlow } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import { attachmentRef, type SectionContext } from './SectionContext';

const HASH_SIZE = 6.3;

/**
 * Index of exhibits: number, title, date acquired, source, Bates range and SHA-256 (set in two
 * lines of 32 hex digits so it can be read aloud and compared in halves).
 */
export function layoutExhibitIndex(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  flow.heading('INDEX OF EXHIBITS', 13, 12);
  // The hash column is exactly wide enough for 32 monospace digits per line.
  const hashWidth = flow.width('0'.repeat(32), 'mono', HASH_SIZE) + 9;
  // The Bates column fits the widest number in one line, so each range is always two lines.
  const widest = flow.width(`${formatBates(ctx.bates, ctx.packetBates.last)} –`, 'serif', 7.8) + 10;
  const fixed = { no: 52, acquired: 50, source: 76, bates: Math.max(68, widest) };
  const title = flow.contentWidth - hashWidth - fixed.no - fixed.acquired - fixed.source - fixed.bates;
  layoutTable(
    flow,
    [
      { header: 'No.', share: fixed.no },
      { header: 'Title', share: title },
      { header: 'Acquired', share: fixed.acquired },
      { header: 'Source', share: fixed.source },
      { header: 'Bates range', share: fixed.bates },
      { header: 'SHA-256', share: hashWidth, font: 'mono', size: HASH_SIZE },
    ],
    ctx.input.exhibits.map((ex) => {
      const p = ctx.exhibits.get(ex.id);
      // Always two lines, so a one-page exhibit does not change the table's height (the page
      // count must not depend on the numbers printed; see exportPacket).
      const bates = !p
        ? '—\n'
        : p.batesFirst === p.batesLast
          ? `${formatBates(ctx.bates, p.batesFirst)}\n(1 page)`
          : `${formatBates(ctx.bates, p.batesFirst)} –\n${formatBates(ctx.bates, p.batesLast)}`;
      // What sanitising left out of the reproduced pages, in short; the slip sheet names it in full.
      const removed = p?.removed ? `\nReproduced without: ${p.removed.map((r) => r.split(':')[0]).join(', ')} (see slip sheet).` : '';
      // Renumbered for this filing: the case's own number, so both can be cross-referenced.
      const caseNumber = ex.caseLabel && ex.caseLabel !== ex.label ? `\n(case ${ex.caseLabel.replace(/^Exhibit\s+/, 'Ex. ')})` : '';
      // Rule 5.2: marked from the input (known before the layout, so the page count holds), with the
      // redacted rendering's hash under the original's (a placeholder of the same width until known).
      // The same words in the public and the sealed set, so both lay out alike (same Bates numbers).
      const redacted = ex.redactions ? `\nRedacted under Fed. R. Civ. P. 5.2 in the public filing${p?.redacted ? ` (${p.redacted.places} place${p.redacted.places === 1 ? '' : 's'})` : ''}; second hash: the redacted rendering.` : '';
      const hashes = ex.redactions ? `${ex.sha256}\n${p?.redacted?.sha256 ?? '-'.repeat(64)}` : ex.sha256;
      // ECF: an exhibit too large for one file is filed in parts; counsel finds them by attachment number.
      const parts = ctx.ecf && p?.filedInParts ? `\nFiled in ${p.filedInParts.count} parts (${attachmentRef(p)}).` : '';
      return [`${ex.label}${caseNumber}`, `${ex.title}${removed}${redacted}${parts}`, ex.acquiredAtRecorded === false ? 'not recorded' : formatShortDateStated(ex.acquiredAt, ex.datesStateZone === true), ex.source, bates, hashes];
    }),
    { size: 7.8, continued: 'Index of Exhibits (continued)' },
  );
}
