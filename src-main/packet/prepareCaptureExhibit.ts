import { clip, endPath, type PDFImage, type PDFPage, popGraphicsState, pushGraphicsState, rectangle, rgb } from 'pdf-lib';
import type { CaptureExhibitInput, CapturePageExhibit } from '../captures/CaptureExhibitInput';
import { drawPageHeader } from './drawPageHeader';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { groupDigits } from './formatText';
import { plural, type PreparedExhibit } from './PreparedExhibit';
import { readImageInfo } from './readImageInfo';
import { exhibitTopBand } from './pageLayout';
import { FOOTER_BAND } from './stampPage';
import { visibleText } from './visibleText';
import { wrapText } from './wrapText';
import { jpegPixelsOnly } from './jpegPixelsOnly';
import { isTimeWithoutZone, NO_ZONE_STATED } from '../contract/statedTime';
import { printedOneLine } from '../contract/controlCharacters';

const MARGIN = 36;
const LABEL_W = 104;
const SIZE = 8.5;
const LEADING = 11;
const TEXT_SIZE = 9;
const TEXT_LEADING = 11.5;
/** Tiles of one tall page image at most; a longer page says where it stops. */
const MAX_TILES = 12;

interface PagePlan {
  page: CapturePageExhibit;
  rows: [string, string][];
  image: PDFImage | null;
  /** Pixel size of the image as embedded. */
  pixels: { width: number; height: number } | null;
  tiles: number;
  textLines: string[];
  textPages: number;
  /** Its image or text does not end on its last page (said there). */
  cut: boolean;
}

/** As stored (unchanged for times with a zone), with the missing zone said for one the capture file gave without it. */
function capturedAtShown(at: string | null): string | null {
  return at && isTimeWithoutZone(at) ? `${at.replace('T', ' ')} (${NO_ZONE_STATED})` : at;
}

function metadataRows(capture: CaptureExhibitInput, page: CapturePageExhibit): [string, string][] {
  const rows: [string, string | null][] = [
    // Read from the archive: one line each, whatever the page's markup held.
    ['URL', printedOneLine(page.url)],
    ['Page title', printedOneLine(page.title) ?? null],
    ['Captured at', capturedAtShown(page.capturedAt)],
    ['Server IP', page.ip ?? 'not recorded'],
    ['HTTP status', page.httpStatus === null ? 'not recorded' : String(page.httpStatus)],
    ['Record id', page.recordId ?? 'the page is listed but its response is not in the archive'],
    ['Payload SHA-256', page.payloadSha256],
    ['Payload SHA-1', page.payloadSha1],
    ['Block SHA-256', page.blockSha256],
    ['Declared digests', page.declaredDigests.length ? page.declaredDigests.join('\n') : 'none (the digests above were computed at import)'],
    ['Digest check', page.digestCheck],
    ['Capture', `${capture.format.toUpperCase()}, ${plural(capture.recordCount, 'record')}, import ${capture.importStatus}${capture.problemCount ? `, ${plural(capture.problemCount, 'problem')} found at import` : ''}`],
    ['Capture tool', printedOneLine(capture.tool) ?? 'not stated in the archive'],
    [
      'Shown below',
      page.image
        ? page.image.source === 'screenshot'
          ? `the screenshot the capture tool recorded (record ${page.image.recordId ?? ''})`
          : 'a rendering of the archived page made offline from the stored archive (Chromium, scripts off, no network)'
        : `the page's text. ${page.noImageReason ?? 'No rendering was available.'}${page.textNote ? ` ${page.textNote}` : ''}`,
    ],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

/**
 * Shows a web capture exhibit: for each captured page, a page of its facts (URL, capture time, IP,
 * HTTP status, record id, digests) followed by the page itself: the capture's screenshot or a
 * rendering, scaled to the page width and tiled over as many pages as it is tall, or else its text
 * with a note that no rendering was available.
 */
export async function prepareCaptureExhibit(ctx: ExhibitRenderContext, capture: CaptureExhibitInput): Promise<PreparedExhibit> {
  const [pw, ph] = ctx.pageSize;
  const areaW = pw - 2 * MARGIN;
  const areaH = ph - exhibitTopBand(ctx.layout) - 12 - (FOOTER_BAND + 4);
  const plans: PagePlan[] = [];
  for (const page of capture.pages) {
    let image: PDFImage | null = null;
    let pixels: PagePlan['pixels'] = null;
    const info = page.image ? readImageInfo(page.image.bytes) : null;
    if (page.image && info) {
      try {
        image = info.format === 'png' ? await ctx.writer.doc.embedPng(page.image.bytes) : await ctx.writer.doc.embedJpg(jpegPixelsOnly(page.image.bytes));
        // Written now: the volume writer flushes objects page by page (see prepareImageExhibit).
        await image.embed();
        pixels = { width: info.width, height: info.height };
      } catch {
        image = null;
      }
    }
    const scale = pixels ? Math.min(0.75, areaW / pixels.width) : 1;
    const tiles = pixels ? Math.min(MAX_TILES, Math.max(1, Math.ceil((pixels.height * scale) / areaH))) : 0;
    const textLines = image
      ? []
      : (page.text || '(The page has no text.)').split('\n').flatMap((line) => wrapText(ctx.metrics.sans, visibleText(line, ctx.metrics.sans).text, TEXT_SIZE, areaW));
    const linesPerPage = Math.floor(areaH / TEXT_LEADING);
    const textPages = image ? 0 : Math.min(ctx.textPageCap, Math.max(1, Math.ceil(textLines.length / linesPerPage)));
    // Cut short on its pages: a text past the page cap, an image taller than MAX_TILES pages.
    const cut = pixels ? pixels.height * scale > tiles * areaH : textLines.length > textPages * linesPerPage;
    plans.push({ page, rows: metadataRows(capture, page), image, pixels, tiles, textLines: textLines.slice(0, textPages * linesPerPage), textPages, cut });
  }
  const contentPages = plans.reduce((n, p) => n + 1 + p.tiles + p.textPages, 0);
  const total = contentPages + 1;
  const shown = plans.filter((p) => p.image).length;
  return {
    rendering: shown > 0 ? 'image' : 'text',
    contentPages,
    presentedAs:
      `Web capture (${capture.format.toUpperCase()}): ${plural(plans.length, 'captured page')}, each with its capture facts, then ` +
      `${shown === plans.length ? 'its image' : shown === 0 ? 'its text (no rendering was available)' : `its image (${shown}) or text (${plans.length - shown})`}; ${plural(contentPages, 'page')}.` +
      (capture.pagesOmitted ? ` ${plural(capture.pagesOmitted, 'further captured page')} not shown; the complete archive is kept unaltered in the case file, from which it can be produced on request.` : ''),
    ...inPart(capture, plans),
    draw: () => {
      let index = 1;
      plans.forEach((plan, n) => {
        const header = `${ctx.exhibit.label} — captured page ${n + 1} of ${plans.length}: ${plan.page.url}`;
        const facts = newExhibitPage(ctx, index++, total);
        drawFacts(ctx, facts, header, plan.rows);
        for (let t = 0; t < plan.tiles; t++) {
          const tilePage = newExhibitPage(ctx, index++, total);
          const top = drawPageHeader(ctx, tilePage, `${header} — image${plan.tiles > 1 ? `, part ${t + 1} of ${plan.tiles}` : ''}`);
          drawTile(ctx, tilePage, plan.image!, plan.pixels!, t, plan.tiles, top, areaW, areaH);
        }
        const linesPerPage = Math.floor(areaH / TEXT_LEADING);
        for (let t = 0; t < plan.textPages; t++) {
          const textPage = newExhibitPage(ctx, index++, total);
          const top = drawPageHeader(ctx, textPage, `${header} — text${plan.textPages > 1 ? `, part ${t + 1} of ${plan.textPages}` : ''}`);
          const lines = plan.textLines.slice(t * linesPerPage, (t + 1) * linesPerPage);
          textPage.drawText(lines.join('\n'), { x: MARGIN, y: top - TEXT_SIZE, size: TEXT_SIZE, font: ctx.writer.fonts.sans, lineHeight: TEXT_LEADING });
        }
      });
    },
  };
}

/**
 * What of the archive the pages do not show, for the slip sheet, the declaration and --json
 * (`partial`): captured pages past the limit, pages whose image or text is cut short, and the
 * records no page shows (the data a page loaded, an API's JSON, requests). Without it the
 * declaration would swear the exhibit appears in the Packet as stored.
 */
function inPart(capture: CaptureExhibitInput, plans: PagePlan[]): { note?: string } {
  const parts: string[] = [];
  if (capture.pagesOmitted) parts.push(`${plural(capture.pagesOmitted, 'captured page')} of this archive ${capture.pagesOmitted === 1 ? 'is' : 'are'} not shown.`);
  const cut = plans.filter((p) => p.cut).length;
  if (cut) parts.push(`The image or text of ${plural(cut, 'captured page')} is cut short, as stated on ${cut === 1 ? 'its' : 'their'} last page.`);
  const { count, kinds } = capture.recordsNotShown;
  if (count) {
    const listed = kinds.slice(0, 6).map((k) => `${k.kind}: ${groupDigits(k.count)}`);
    const rest = kinds.slice(6).reduce((n, k) => n + k.count, 0);
    if (rest) listed.push(`other kinds: ${groupDigits(rest)}`);
    const rendered = plans.some((p) => p.page.image?.source === 'rendering') ? ' (a rendering of a page may show some of them as part of that page)' : '';
    parts.push(
      `Of the archive's ${plural(capture.recordCount, 'record')}, ${groupDigits(count)} ${count === 1 ? 'is' : 'are'} not reproduced on any page of this Packet (${listed.join('; ')})${rendered}: each captured page is shown by its capture facts and its image or text, not by the other records the archive holds.`,
    );
  }
  if (parts.length === 0) return {};
  return { note: `${parts.join(' ')} The complete archive is kept unaltered in the case file, from which it can be produced on request.` };
}

function drawFacts(ctx: ExhibitRenderContext, page: PDFPage, header: string, rows: [string, string][]): void {
  const { width } = page.getSize();
  let y = drawPageHeader(ctx, page, header) - 14;
  page.drawText('Captured web page', { x: MARGIN, y, size: 13, font: ctx.writer.fonts.serifBold });
  y -= 22;
  const valueW = width - 2 * MARGIN - LABEL_W;
  for (const [label, value] of rows) {
    const mono = /SHA|Record id|URL|digests/.test(label);
    // DejaVu Sans for values: page titles come in any script (Vietnamese needs glyphs Liberation lacks).
    const font = mono ? ctx.metrics.mono : ctx.metrics.sans;
    const lines = value.split('\n').flatMap((part) => wrapText(font, visibleText(part, font).text, SIZE, valueW));
    page.drawText(label, { x: MARGIN, y, size: SIZE, font: ctx.writer.fonts.serifBold });
    page.drawText(lines.join('\n'), { x: MARGIN + LABEL_W, y, size: SIZE, font: mono ? ctx.writer.fonts.mono : ctx.writer.fonts.sans, lineHeight: LEADING });
    y -= lines.length * LEADING + 4;
  }
}

/** Draws part `tile` of a tall image: the image at page width, shifted up, clipped to the content area. */
function drawTile(ctx: ExhibitRenderContext, page: PDFPage, image: PDFImage, pixels: { width: number; height: number }, tile: number, tiles: number, top: number, areaW: number, areaH: number): void {
  const scale = Math.min(0.75, areaW / pixels.width);
  const w = pixels.width * scale;
  const h = pixels.height * scale;
  const x = MARGIN + (areaW - w) / 2;
  const visible = Math.min(areaH, h - tile * areaH);
  const clipBottom = top - visible;
  page.pushOperators(pushGraphicsState(), rectangle(x, clipBottom, w, visible), clip(), endPath());
  page.drawImage(image, { x, y: top - h + tile * areaH, width: w, height: h });
  page.pushOperators(popGraphicsState());
  page.drawRectangle({ x, y: clipBottom, width: w, height: visible, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
  if (tile === tiles - 1 && h > tiles * areaH) {
    page.drawText(`[The page image continues beyond ${tiles} parts; it is cut here.]`, { x: MARGIN, y: clipBottom - 10, size: 8, font: ctx.writer.fonts.serifItalic, color: rgb(0.4, 0.4, 0.4) });
  }
}
