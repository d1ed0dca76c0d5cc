import { formatBatesRange } from './formatBates';
import { formatLongDate } from './formatText';
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
  flow.y = flow.top - 12;
  for (const line of caption.court.split('\n')) {
    for (const part of flow.wrap(line.toUpperCase(), 'serifBold', 13, flow.contentWidth)) {
      flow.y -= 17;
      flow.text(part, flow.left + flow.contentWidth / 2, flow.y, { font: 'serifBold', size: 13 }, 'center');
    }
  }
  flow.y -= 40;

  // Caption block: parties | ")" column | case number.
  const size = 12;
  const leading = 16;
  const partyWidth = flow.contentWidth * 0.55;
  const bracketX = flow.left + partyWidth + 8;
  const parties = caption.caption.split('\n').flatMap((l) => flow.wrap(l, 'serif', size, partyWidth));
  const rows = Math.max(parties.length, 5);
  const blockTop = flow.y;
  parties.forEach((line, i) => {
    // Role lines ("Plaintiff,", "Defendants.") are indented as courts set them.
    const indent = /^(plaintiffs?|defendants?|petitioners?|respondents?|intervenors?)[,.]?$/i.test(line.trim()) ? 144 : /^v\.?$/i.test(line.trim()) ? 72 : 0;
    flow.text(line, flow.left + indent, blockTop - leading * (i + 1), { font: 'serif', size });
  });
  for (let i = 0; i < rows; i++) flow.text(')', bracketX, blockTop - leading * (i + 1), { font: 'serif', size });
  const docketLines = flow.wrap(`Case No. ${caption.docket}`, 'serif', size, flow.right - bracketX - 20);
  const mid = Math.max(0, Math.floor((rows - docketLines.length) / 2));
  docketLines.forEach((line, i) => flow.text(line, bracketX + 20, blockTop - leading * (mid + i + 1), { font: 'serif', size }));
  flow.y = blockTop - leading * rows - 8;
  flow.line(flow.left, flow.y, bracketX + 4, flow.y, 0.6);
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
    ctx.volumeCount > 1 ? `${ctx.volumeCount} volumes` : '',
  ].filter(Boolean);
  flow.text(flow.clean(summary.join('  ·  '), 'serif'), flow.left + flow.contentWidth / 2, flow.y, { font: 'serif', size: 11 }, 'center');

  // Who and when sit at the foot of the page.
  let y = flow.bottom + 60;
  for (const line of [`Prepared by ${caption.preparedBy}`, formatLongDate(caption.date)]) {
    flow.text(flow.clean(line, 'serif'), flow.left + flow.contentWidth / 2, y, { font: 'serif', size: 12 }, 'center');
    y -= 17;
  }
}
