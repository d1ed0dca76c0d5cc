import { type ExhibitRenderContext, generatedPageGeometry, newExhibitPage } from './ExhibitRenderContext';
import { formatBatesRange } from './formatBates';
import { formatBytes, formatTimestamp } from './formatText';
import { LayoutFlow, SHADE } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import { paintPage } from './paintPage';
import { codePointLabel } from '../fonts/scriptRuns';

export interface SlipSheetInfo {
  /** Pages of the exhibit including this sheet. */
  totalPages: number;
  /** e.g. "PDF, 12 pages" or "Image (PNG, 1280 × 720 pixels), 1 page". */
  presentedAs: string;
  /** Set when the exhibit is not reproduced: why. */
  nativeReason?: string;
  /** Set when only part of it is reproduced (a capped text): what is shown. */
  partialNote?: string;
  /** Code points drawn as boxes because no bundled font has them. */
  missingGlyphs?: number[];
  /** What sanitising removed from the reproduced pages (e.g. "2 JavaScript actions"). */
  removed?: string[];
}

const MAX_TITLE_LINES = 4;

/** Long free text is shortened so the sheet stays one page; the full text is in the index and custody report. */
function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * The sheet in front of every exhibit: its label in large type, title, Bates range and the facts
 * that identify the file (name, type, size, acquisition, source, hash values). When the exhibit
 * is produced natively the sheet says so and why; the hashes identify the native file.
 */
export function renderSlipSheet(ctx: ExhibitRenderContext, info: SlipSheetInfo): void {
  const ex = ctx.exhibit;
  const flow = new LayoutFlow(generatedPageGeometry(ctx.pageSize, ctx.layout), ctx.metrics);
  flow.newPage();
  flow.y = flow.top - 96;
  flow.text(flow.clean(ex.label.toUpperCase(), 'serifBold'), flow.left + flow.contentWidth / 2, flow.y, { font: 'serifBold', size: 30 }, 'center');
  flow.y -= 18;
  const titleLines = flow.wrap(ex.title, 'serif', 14, flow.contentWidth - 48);
  const shown = titleLines.slice(0, MAX_TITLE_LINES);
  if (titleLines.length > MAX_TITLE_LINES) shown[MAX_TITLE_LINES - 1] = `${shown[MAX_TITLE_LINES - 1] ?? ''}…`;
  for (const line of shown) {
    flow.y -= 18;
    flow.text(line, flow.left + flow.contentWidth / 2, flow.y, { font: 'serif', size: 14 }, 'center');
  }
  flow.y -= 18;
  const mid = flow.left + flow.contentWidth / 2;
  flow.line(mid - 60, flow.y, mid + 60, flow.y, 0.6);
  flow.y -= 28;

  const description = ex.description ?? '';
  const facts: string[][] = [
    ['Bates range', `${formatBatesRange(ctx.bates, ctx.firstBates, ctx.firstBates + info.totalPages - 1)}${ctx.part ? `; filed in ${ctx.part.count} parts` : ''}`],
    ['Presented as', info.presentedAs],
    ['Original file name', clip(ex.originalName, 300)],
    ['Media type', ex.mediaType],
    ['Size', formatBytes(ex.size)],
    ['Acquired', ex.acquiredAtRecorded === false ? `Not recorded (imported into the case ${formatTimestamp(ex.acquiredAt)})` : formatTimestamp(ex.acquiredAt)],
    ['Source', clip(ex.source, 400)],
  ];
  if (info.missingGlyphs && info.missingGlyphs.length > 0) {
    const shown = info.missingGlyphs.slice(0, 24).map((cp) => `U+${codePointLabel(cp)}`).join(', ');
    const more = info.missingGlyphs.length > 24 ? ` and ${info.missingGlyphs.length - 24} more` : '';
    facts.push(['Characters without a glyph', `${shown}${more}: no bundled font has them; each is drawn as a framed box holding its code point.`]);
  }
  if (description !== '') {
    facts.push(['Description', clip(description, info.nativeReason ? 500 : 800)]);
  }
  const columns = [
    { header: '', share: 1.25, font: 'serifBold' as const },
    { header: '', share: 3.75 },
  ];
  layoutTable(flow, columns, facts, { size: 10, header: false });
  flow.y -= 10;
  layoutTable(
    flow,
    [columns[0] as (typeof columns)[0], { header: '', share: 3.75, font: 'mono' as const, size: 8.5 }],
    [
      ['SHA-256', ex.sha256],
      ['SHA-1', ex.sha1],
      ['MD5', ex.md5],
    ],
    { size: 10, header: false },
  );

  const notice = info.nativeReason
    ? { heading: 'NOT REPRODUCED AS PAGES', body: `${info.nativeReason} The file is not part of this Packet: it is kept unaltered in the case file, from which it can be produced on request, and it is identified by the hash values above.` }
    : info.partialNote
      ? { heading: 'SHOWN IN PART', body: `${info.partialNote} It is identified by the hash values above.` }
      : undefined;
  if (info.removed && info.removed.length > 0) {
    flow.y -= 14;
    const body = `Removed from the pages reproduced here: ${info.removed.join('; ')}. Nothing was removed from the original file, which is kept unaltered in the case file; the hash values above are those of the original file.`;
    const lines = flow.wrap(body, 'serif', 10, flow.contentWidth - 20);
    const height = 20 + 16 + lines.length * 13;
    flow.rect(flow.left, flow.y - height, flow.contentWidth, height, SHADE);
    flow.y -= 22;
    flow.text('ACTIVE CONTENT REMOVED', flow.left + 10, flow.y, { font: 'serifBold', size: 11 });
    flow.y -= 4;
    for (const line of lines) {
      flow.y -= 13;
      flow.text(line, flow.left + 10, flow.y, { font: 'serif', size: 10 });
    }
    flow.y -= 10;
  }
  if (notice) {
    flow.y -= 18;
    const pad = 10;
    const body = notice.body;
    const lines = flow.wrap(body, 'serif', 10.5, flow.contentWidth - 2 * pad);
    const height = pad * 2 + 16 + lines.length * 13.5;
    flow.rect(flow.left, flow.y - height, flow.contentWidth, height, SHADE);
    flow.y -= pad + 12;
    flow.text(notice.heading, flow.left + pad, flow.y, { font: 'serifBold', size: 11 });
    flow.y -= 4;
    for (const line of lines) {
      flow.y -= 13.5;
      flow.text(line, flow.left + pad, flow.y, { font: 'serif', size: 10.5 });
    }
  }
  // The facts above are capped so the sheet is always one page; only the first page is painted.
  const page = newExhibitPage(ctx, 0, info.totalPages);
  paintPage(page, flow.pages[0] ?? { ops: [] }, ctx.writer.fonts, ctx.metrics);
}
