import { formatBatesRange } from './formatBates';
import { formatTimestamp } from './formatText';
import type { LayoutFlow } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import type { CustodyEventInput } from './PacketInput';
import type { SectionContext } from './SectionContext';

const HASH_SIZE = 6.3;

/** Chain of custody per exhibit: its SHA-256, every custody event in order, and where it is in this packet. */
export function layoutCustodyReport(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  flow.heading('CHAIN OF CUSTODY', 13, 10);
  if (ctx.input.exhibits.length === 0) {
    flow.paragraph('No exhibits are part of this packet.', { font: 'serifItalic', size: 11 });
    return;
  }
  const hashWidth = flow.width('0'.repeat(32), 'mono', HASH_SIZE) + 9;
  for (const ex of ctx.input.exhibits) {
    // Keep the heading with its hash, placement line, table header and first events.
    flow.ensureSpace(130);
    flow.subheading(`${ex.label} — ${ex.title}`);
    flow.paragraph(`SHA-256 ${ex.sha256}`, { font: 'mono', size: 7.5, spaceAfter: 2 });
    const p = ctx.exhibits.get(ex.id);
    if (p) {
      flow.paragraph(
        `In this packet: ${formatBatesRange(ctx.bates, p.batesFirst, p.batesLast)}${ctx.volumeCount > 1 ? `, volume ${p.volume}` : ''}, page ${p.firstPage}.`,
        { font: 'serifItalic', size: 9.5, spaceAfter: 5 },
      );
    }
    const events = [...ex.custody].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    if (events.length === 0) {
      flow.paragraph('No custody events are recorded.', { font: 'serifItalic', size: 9.5, spaceAfter: 8 });
      continue;
    }
    layoutTable(
      flow,
      [
        { header: 'Date and time', share: 62 },
        { header: 'Actor', share: 62 },
        { header: 'Action', share: 52 },
        { header: 'Details', share: flow.contentWidth - 62 - 62 - 52 - 40 - hashWidth },
        { header: 'Hash seen', share: hashWidth, font: 'mono', size: HASH_SIZE },
        { header: 'Result', share: 40 },
      ],
      events.map((e) => [formatTimestamp(e.at), e.actor, e.action, details(e), e.hashSeen ?? '—', e.result ?? '—']),
      { size: 7.8, continued: `${ex.label} — ${ex.title} (continued)` },
    );
    flow.moveDown(10);
  }
}

function details(e: CustodyEventInput): string {
  const parts: string[] = [];
  if (e.fromParty || e.toParty) parts.push(`${e.fromParty ?? '?'} → ${e.toParty ?? '?'}`);
  if (e.location) parts.push(`at ${e.location}`);
  if (e.purpose) parts.push(`for ${e.purpose}`);
  if (e.details) parts.push(e.details);
  return parts.join('; ') || '—';
}
