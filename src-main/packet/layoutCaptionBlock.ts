import { captionNote, type NotedText } from './captionNote';
import type { LayoutFlow } from './LayoutFlow';
import type { CaseCaption } from './PacketInput';

/** Lines the note under a caption also speaks for, drawn further on in the document (a declaration's signature blocks). */
export interface CaptionNoteScope {
  /** "the caption and signature blocks" */
  where: string;
  texts: readonly NotedText[];
}

// The note sits in the space below the rule that every caption already leaves (28 points and a
// heading on the declaration, 44 on the cover), so it moves nothing: a frozen production keeps
// its pages and Bates numbers. Three lines at most, listing fewer code points if need be.
const NOTE = { font: 'serifItalic' as const, size: 8.5, leading: 10, maxLines: 3 };

/**
 * A federal court caption, as the cover and the declaration carry it: the court centred at the
 * top, the parties on the left closed by a column of ")", the case number on the right, and a rule
 * under the parties; under the rule, when a name holds a character the page cannot show as itself,
 * a note saying how it is shown (captionNote). Leaves `flow.y` under the rule.
 */
export function layoutCaptionBlock(flow: LayoutFlow, caption: CaseCaption, also?: CaptionNoteScope): void {
  const drawn: NotedText[] = [];
  flow.y = flow.top - 12;
  for (const line of caption.court.split('\n')) {
    for (const part of flow.wrap(line.toUpperCase(), 'serifBold', 13, flow.contentWidth)) {
      flow.y -= 17;
      flow.text(part, flow.left + flow.contentWidth / 2, flow.y, { font: 'serifBold', size: 13 }, 'center');
      drawn.push({ text: part, font: 'serifBold' });
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
    drawn.push({ text: line, font: 'serif' });
  });
  for (let i = 0; i < rows; i++) flow.text(')', bracketX, blockTop - leading * (i + 1), { font: 'serif', size });
  const docketLines = flow.wrap(`Case No. ${caption.docket}`, 'serif', size, flow.right - bracketX - 20);
  const mid = Math.max(0, Math.floor((rows - docketLines.length) / 2));
  docketLines.forEach((line, i) => flow.text(line, bracketX + 20, blockTop - leading * (mid + i + 1), { font: 'serif', size }));
  drawn.push(...docketLines.map((text) => ({ text, font: 'serif' as const })));
  flow.y = blockTop - leading * rows - 8;
  flow.line(flow.left, flow.y, bracketX + 4, flow.y, 0.6);

  const texts = [...drawn, ...(also?.texts ?? []).map((t) => ({ text: flow.clean(t.text), font: t.font }))];
  const noteLines = fittedNote(flow, texts, also?.where ?? 'the caption');
  noteLines.forEach((line, i) => flow.text(line, flow.left, flow.y - 11 - NOTE.leading * i, { font: NOTE.font, size: NOTE.size }));
}

/** The note's lines, listing as many code points as fit in NOTE.maxLines. */
function fittedNote(flow: LayoutFlow, texts: readonly NotedText[], where: string): string[] {
  for (let shown = 8; ; shown--) {
    const note = captionNote(flow.metrics, texts, where, shown);
    if (note === null) return [];
    const lines = flow.wrap(note, NOTE.font, NOTE.size, flow.contentWidth);
    if (lines.length <= NOTE.maxLines || shown === 1) return lines;
  }
}
