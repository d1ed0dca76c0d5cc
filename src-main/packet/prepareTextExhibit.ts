import { type PDFPage, rgb } from 'pdf-lib';
import { drawPageHeader } from './drawPageHeader';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { groupDigits } from './formatText';
import { plural, type PreparedExhibit } from './PreparedExhibit';
import { FOOTER_BAND } from './stampPage';
import { decodeWith, detectCharset } from '../evidence/decodeText';
import { drawScriptText } from './drawScriptText';
import { missingCodePoints, paragraphDirection, scriptMeasure } from './scriptRuns';
import { spellHidden, visibleText } from './visibleText';
import { type TextMeasure, wrapText } from './wrapText';

/** Body type: 9.5 pt on 12.5 pt, the size of a transcript. */
const SIZE = 9.5;
const LEADING = 12.5;
const MARGIN = 36;
const TAB = 8;
/** Room left of the text for the page-line numbers, and right of it for the source line numbers. */
const LEFT_GUTTER = 26;
const RIGHT_GUTTER = 34;
const NUMBER_SIZE = 7;
/** Bytes decoded per row that can be shown: generous for CJK (3 bytes a character in UTF-8). */
const BYTES_PER_ROW = 400;

interface Row {
  /** Source line number on the first row of a source line; 0 on its wrapped continuations. */
  source: number;
  text: string;
  direction: 'ltr' | 'rtl';
}

/**
 * Shows a text-like exhibit (plain text, logs, CSV, JSON, HTML source) as numbered pages, as
 * transcripts are: every printed line carries its number on the page, so a brief can cite
 * "Ex. 3 at 2:14" (page 2, line 14); the source file's own line number stands in the right
 * margin. Nothing is rendered or interpreted (HTML is shown as its source); hidden characters
 * are spelled out. The bytes are decoded in their own charset (BOM, declared, HTML meta, or
 * detected: see decodeText), drawn in any script with font fallback and shaping, right-to-left
 * lines set from the right, long lines wrapped between words. At most `textPageCap` pages are
 * drawn; the last one says where the text was cut and that the complete file is produced
 * natively. Only the part of the file that can be shown is decoded.
 */
export async function prepareTextExhibit(
  ctx: ExhibitRenderContext,
  bytes: Uint8Array,
  /** Set when `bytes` is only the beginning of a larger file that was streamed. */
  partial?: { totalLines: number },
): Promise<PreparedExhibit> {
  const [pw, ph] = ctx.pageSize;
  const found = detectCharset(bytes, { mediaType: ctx.exhibit.mediaType });
  const totalLines = partial ? partial.totalLines : countLines(bytes, found.charset);
  const textWidth = pw - 2 * MARGIN - LEFT_GUTTER - RIGHT_GUTTER;
  // Header line at the top; footer band at the bottom.
  const top = ph - MARGIN + 2 - 12;
  const linesPerPage = Math.floor((top - (FOOTER_BAND + 8)) / LEADING);
  const maxRows = ctx.textPageCap * linesPerPage;

  const prefixBytes = Math.min(bytes.length, found.bomLength + maxRows * BYTES_PER_ROW + 1024);
  const complete = prefixBytes === bytes.length && !partial;
  const text = decodeWith(bytes.subarray(found.bomLength, prefixBytes), found.charset, prefixBytes === bytes.length);
  const measure = scriptMeasure(ctx.metrics, 'text');
  const rows: Row[] = [];
  let hidden = 0;
  const missing = new Set<number>();
  const logical = text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
  if (logical.length > 1 && logical[logical.length - 1] === '' && complete) logical.pop();
  for (const [i, raw] of logical.entries()) {
    if (rows.length > maxRows) break;
    const clean = spellHidden(expandTabs(raw));
    hidden += clean.replaced;
    for (const cp of missingCodePoints(ctx.metrics, clean.text, 'text')) missing.add(cp);
    const direction = paragraphDirection(clean.text);
    wrapText(measure, clean.text, SIZE, textWidth).forEach((line, at) => rows.push({ source: at === 0 ? i + 1 : 0, text: line, direction }));
  }
  const truncated = rows.length > maxRows || !complete;
  // Leave room on the last page for the note saying where the text stops, and stop at the end of
  // a whole line rather than inside a wrapped one.
  const shownRows = truncated ? rows.slice(0, maxRows - 3) : rows;
  if (truncated && rows[shownRows.length]?.source === 0) {
    // The cut falls inside a wrapped line: end before that line, unless it is the only one shown.
    const start = shownRows.findLastIndex((r) => r.source !== 0);
    if (start > 0) shownRows.length = start;
  }
  const lastLineShown = shownRows.findLast((r) => r.source !== 0)?.source ?? 0;
  const pages = Math.max(1, Math.ceil(shownRows.length / linesPerPage));
  const total = pages + 1;
  const charsetLabel = `${found.charset.toUpperCase()}${found.source === 'detected' || found.source === 'fallback' ? ', detected' : ''}`;
  const note = truncated
    ? `Only the first ${plural(pages, 'page')} ${pages === 1 ? 'is' : 'are'} shown (lines 1–${groupDigits(lastLineShown)} of ${groupDigits(totalLines)}); the complete file is produced natively.`
    : undefined;
  const hiddenNote = hidden > 0 ? ` ${plural(hidden, 'hidden character')} ${hidden === 1 ? 'is' : 'are'} spelled out as [U+XXXX].` : '';

  return {
    rendering: 'text',
    contentPages: pages,
    presentedAs: `Text (${charsetLabel}, ${plural(totalLines, 'line')}) shown as source, ${plural(pages, 'page')}${truncated ? ', truncated' : ''}; cited by page and line (page:line).${hiddenNote}`,
    ...(note ? { note } : {}),
    ...(missing.size > 0 ? { missingGlyphs: [...missing] } : {}),
    draw: () => {
      for (let p = 0; p < pages; p++) {
        const page = newExhibitPage(ctx, p + 1, total);
        const slice = shownRows.slice(p * linesPerPage, (p + 1) * linesPerPage);
        const firstLine = slice.find((r) => r.source !== 0)?.source;
        const lastLine = slice.findLast((r) => r.source !== 0)?.source;
        const range = firstLine ? ` — source lines ${groupDigits(firstLine)}–${groupDigits(lastLine ?? firstLine)}` : '';
        const y0 = drawPageHeader(ctx, page, `${ctx.exhibit.label} — ${ctx.exhibit.originalName} (${ctx.exhibit.mediaType}, ${charsetLabel})${range}`) - SIZE;
        if (slice.length === 0) {
          page.drawText('(The file is empty.)', { x: MARGIN + LEFT_GUTTER, y: y0, size: SIZE, font: ctx.writer.fonts.serifItalic });
        }
        slice.forEach((row, i) => drawRow(ctx, page, row, i + 1, y0 - i * LEADING, textWidth, measure));
        if (truncated && p === pages - 1 && note) {
          const y = y0 - slice.length * LEADING - LEADING;
          page.drawLine({ start: { x: MARGIN, y: y + LEADING - 2 }, end: { x: pw - MARGIN, y: y + LEADING - 2 }, thickness: 0.4, color: rgb(0.6, 0.6, 0.6) });
          page.drawText(visibleText(`[Truncated. ${note}]`, ctx.metrics.serifItalic).text, { x: MARGIN, y: y - 2, size: 8.5, font: ctx.writer.fonts.serifItalic, maxWidth: pw - 2 * MARGIN, lineHeight: 10.5 });
        }
      }
    },
  };
}

/** One printed line: its number on the page (left), the source line number (right), the text. */
function drawRow(ctx: ExhibitRenderContext, page: PDFPage, row: Row, number: number, y: number, textWidth: number, measure: TextMeasure): void {
  const pw = page.getSize().width;
  const grey = rgb(0.5, 0.5, 0.5);
  const n = String(number);
  page.drawText(n, { x: MARGIN + LEFT_GUTTER - 8 - ctx.metrics.sans.widthOf(n, NUMBER_SIZE), y, size: NUMBER_SIZE, font: ctx.writer.fonts.sans, color: grey });
  if (row.source !== 0) {
    const label = groupDigits(row.source);
    page.drawText(label, { x: pw - MARGIN - ctx.metrics.sans.widthOf(label, NUMBER_SIZE - 1), y, size: NUMBER_SIZE - 1, font: ctx.writer.fonts.sans, color: grey });
  }
  if (row.text === '') return;
  // Right-to-left lines are set flush right, as their readers expect.
  const x = row.direction === 'rtl' ? MARGIN + LEFT_GUTTER + textWidth - measure.widthOf(row.text, SIZE) : MARGIN + LEFT_GUTTER;
  drawScriptText(page, ctx.writer.fonts, ctx.metrics, row.text, { x, y, size: SIZE, font: 'text', direction: row.direction });
}

/** Lines in the whole file (a final line without a newline counts), without decoding it. */
function countLines(bytes: Uint8Array, encoding: string): number {
  // Byte 0x0A is a line feed in every charset we decode except UTF-16 (where it is half of one).
  let n = 0;
  const step = encoding === 'utf-8' ? 1 : 2;
  const lowFirst = encoding === 'utf-16le';
  let last = -1;
  for (let i = encoding === 'utf-16be' ? 1 : 0; i < bytes.length; i += step) {
    if (bytes[i] === 0x0a && (step === 1 || bytes[lowFirst ? i + 1 : i - 1] === 0)) {
      n++;
      last = i;
    }
  }
  return bytes.length === 0 ? 0 : n + (last < bytes.length - step ? 1 : 0);
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(TAB - ([...out].length % TAB)) : ch;
  return out;
}
