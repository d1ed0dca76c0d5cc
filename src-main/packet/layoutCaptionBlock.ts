import type { LayoutFlow } from './LayoutFlow';
import type { CaseCaption } from './PacketInput';

/**
 * A federal court caption, as the cover and the declaration carry it: the court centred at the
 * top, the parties on the left closed by a column of ")", the case number on the right, and a rule
 * under the parties. Leaves `flow.y` under the rule.
 */
export function layoutCaptionBlock(flow: LayoutFlow, caption: CaseCaption): void {
  flow.y = flow.top - 12;
  for (const line of caption.court.split('\n')) {
    for (const part of flow.wrap(line.toUpperCase(), 'serifBold', 13, flow.contentWidth)) {
      flow.y -= 17;
      flow.text(part, flow.left + flow.contentWidth / 2, flow.y, { font: 'serifBold', size: 13 }, 'center');
    }
  }
  flow.y -= 30;

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
}
