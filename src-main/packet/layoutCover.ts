import { formatBatesRange } from './formatBates';
import { formatLongDate } from './formatText';
import { layoutCaptionBlock } from './layoutCaptionBlock';
import type { LayoutFlow } from './LayoutFlow';
import { plural } from './PreparedExhibit';
import type { SectionContext } from './SectionContext';

/**
 * The cover, set like a federal court caption: court name centred at the top, the parties on the
 * left closed by a column of ")", the case number on the right, then the title in capitals and
 * who prepared the packet and when.
 */
export function layoutCover(flow: LayoutFlow, ctx: SectionContext): void {
  const { caption } = ctx.input;
  flow.newPage();
  layoutCaptionBlock(flow, caption);
  flow.y -= 44;

  for (const line of flow.wrap(caption.title.toUpperCase(), 'serifBold', 14, flow.contentWidth - 36)) {
    flow.y -= 19;
    flow.text(line, flow.left + flow.contentWidth / 2, flow.y, { font: 'serifBold', size: 14 }, 'center');
  }
  flow.y -= 36;

  const exhibits = ctx.input.exhibits.length;
  const summary = [
    plural(exhibits, 'exhibit'),
    `Bates ${formatBatesRange(ctx.bates, ctx.packetBates.first, ctx.packetBates.last)}`,
    // An exhibit over the per-file limit is several attachments (ECF parts).
    ctx.ecf ? ([...ctx.exhibits.values()].some((p) => p.filedInParts) ? 'exhibits as attachments, large ones in parts' : 'each exhibit filed as its own attachment') : ctx.volumeCount > 1 ? `${ctx.volumeCount} volumes` : '',
  ].filter(Boolean);
  flow.text(flow.clean(summary.join('  ·  '), 'serif'), flow.left + flow.contentWidth / 2, flow.y, { font: 'serif', size: 11 }, 'center');

  // Who and when sit at the foot of the page.
  let y = flow.bottom + 60;
  for (const line of [`Prepared by ${caption.preparedBy}`, formatLongDate(caption.date)]) {
    flow.text(flow.clean(line, 'serif'), flow.left + flow.contentWidth / 2, y, { font: 'serif', size: 12 }, 'center');
    y -= 17;
  }
}
