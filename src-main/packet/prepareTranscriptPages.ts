import { type PDFPage, rgb } from 'pdf-lib';
import { drawPageHeader } from './drawPageHeader';
import { drawScriptText } from './drawScriptText';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { groupDigits } from './formatText';
import { plural, type PreparedExhibit } from './PreparedExhibit';
import { missingCodePoints, paragraphDirection, scriptMeasure } from '../fonts/scriptRuns';
import { exhibitTopBand, type PageLayout } from './pageLayout';
import { FOOTER_BAND } from './stampPage';
import { spellHidden, visibleText } from './visibleText';
import { type TextMeasure, wrapText } from './wrapText';
import { keepLabelsWhole, markRedactions, redactText } from '../redaction/redactText';

/** Body type: 9.5 pt on 12.5 pt, the size of a transcript. */
export const TRANSCRIPT_SIZE = 9.5;
const LEADING = 12.5;
const MARGIN = 36;
const TAB = 8;
/** Room left of the text for the page-line numbers, and right of it for the source line numbers. */
const LEFT_GUTTER = 26;
const RIGHT_GUTTER = 34;
const NUMBER_SIZE = 7;
/** A line of just this character starts a new page (e-mail raw headers go on a page of their own). */
export const PAGE_BREAK = '\f';

interface Row {
  /** Source line number on the first row of a source line; 0 on its wrapped continuations. */
  source: number;
  text: string;
  direction: 'ltr' | 'rtl';
}

export interface TranscriptSource {
  /** Decoded text (lines separated by "\n"; a line holding only PAGE_BREAK starts a new page). */
  text: string;
  /** False when `text` is only the beginning of the file. */
  complete: boolean;
  /** Lines in the whole file. */
  totalLines: number;
  /** Page header after the exhibit label and file name, e.g. "text/plain, UTF-8". */
  headerNote: string;
  /** Right-margin numbers are source line numbers (plain text); off for composed views (e-mail). */
  sourceNumbers: boolean;
  /** "Text (UTF-8, 12 lines) shown as source": the slip sheet's first words. */
  describe: string;
  /** Pages the caller draws after these (e-mail image attachments), counted in "page i of n". */
  extraPages?: number;
}

/** Rows that fit on one page of the given size. */
export function transcriptLinesPerPage(pageSize: readonly [number, number], layout: PageLayout): number {
  const top = pageSize[1] - exhibitTopBand(layout) + 2 - 12;
  return Math.floor((top - (FOOTER_BAND + 8)) / LEADING);
}

/**
 * Lays text out as numbered pages, as transcripts are: every printed line carries its number on
 * the page, so a brief can cite "Ex. 3 at 2:14" (page 2, line 14); the source file's own line
 * number stands in the right margin. Hidden characters are spelled out; every script is drawn
 * (font fallback, shaping, right-to-left lines set flush right); long lines wrap between words.
 * At most `textPageCap` pages are drawn; the last one says where the text was cut and that the
 * complete file is kept in the case file (nothing else is written: the packet says only that).
 */
export function prepareTranscriptPages(ctx: ExhibitRenderContext, source: TranscriptSource): PreparedExhibit {
  const [pw] = ctx.pageSize;
  const textWidth = pw - 2 * MARGIN - LEFT_GUTTER - RIGHT_GUTTER;
  const linesPerPage = transcriptLinesPerPage(ctx.pageSize, ctx.layout);
  const maxRows = ctx.textPageCap * linesPerPage;
  const measure = scriptMeasure(ctx.metrics, 'text');
  const rows: (Row | typeof PAGE_BREAK)[] = [];
  let rowCount = 0;
  let hidden = 0;
  const missing = new Set<number>();
  // A public packet prints each accepted Rule 5.2 value as its kept form and label; the sealed set
  // prints the value in full before the same label. Lines are broken on the public text in both
  // sets and the sealed rows cut at the same places (the two are aligned character for character),
  // so both sets have the same pages and Bates numbers.
  const redactions = ctx.exhibit.redactions;
  const layoutText = redactions ? redactText(source.text, redactions) : source.text;
  const printedText = redactions?.sealed ? markRedactions(source.text, redactions) : layoutText;
  // Lines end at CR LF, LF or CR, as LineCounter counts them for the slip sheet (change both together).
  const split = (t: string) => {
    const lines = t === '' ? [] : t.replace(/\r\n?/g, '\n').split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '' && source.complete) lines.pop();
    return lines;
  };
  const printed = split(printedText);
  // Aligned line for line (always expected); otherwise the printed text is laid out on its own.
  const logical = layoutText === printedText ? printed : split(layoutText).length === printed.length ? split(layoutText) : printed;
  for (const [i, raw] of logical.entries()) {
    if (rowCount > maxRows) break;
    if (raw === PAGE_BREAK) {
      rows.push(PAGE_BREAK);
      continue;
    }
    const clean = spellHidden(expandTabs(raw));
    const shown = printed === logical ? clean : spellHidden(expandTabs(printed[i] ?? ''));
    hidden += shown.replaced;
    for (const cp of missingCodePoints(ctx.metrics, shown.text, 'text')) missing.add(cp);
    const direction = paragraphDirection(shown.text);
    // Broken where the wider of the two sets' lines would break: a sealed name longer than its
    // kept form ("C.A.M." padded with spaces) must fit the line too, or its end runs off the page.
    const wrapped = redactions ? widerOfEach(keepLabelsWhole(clean.text), shown.text, measure) : clean.text;
    for (const [at, line] of sameBreaks(wrapText(measure, wrapped, TRANSCRIPT_SIZE, textWidth), wrapped, shown.text, measure, textWidth).entries()) {
      rows.push({ source: at === 0 ? i + 1 : 0, text: line, direction });
      rowCount++;
    }
  }
  const truncated = rowCount > maxRows || !source.complete;
  // Whether the last line shown is cut inside: its wrapped rows go on past the last page, or it is
  // the end of only the beginning of the file that was decoded.
  let lastLineCut = false;
  if (truncated) {
    // Leave room on the last page for the note saying where the text stops, and stop at the end
    // of a whole line rather than inside a wrapped one, unless it is the only one shown.
    let kept = 0;
    let end = 0;
    while (end < rows.length && kept < maxRows - 3) if (rows[end++] !== PAGE_BREAK) kept++;
    const next = rows[end];
    if (next !== undefined && next !== PAGE_BREAK && next.source === 0) {
      const start = rows.slice(0, end).findLastIndex((r) => r !== PAGE_BREAK && r.source !== 0);
      if (start > 0) end = start;
    }
    const dropped = rows[end];
    lastLineCut = dropped === undefined ? !source.complete && !/[\r\n]$/.test(source.text) : dropped !== PAGE_BREAK && dropped.source === 0;
    rows.length = end;
  }
  // Pages of rows: full pages, and a page break line closes the current page.
  const pagesOfRows: Row[][] = [[]];
  for (const row of rows) {
    const current = pagesOfRows[pagesOfRows.length - 1] as Row[];
    if (row === PAGE_BREAK) {
      if (current.length > 0) pagesOfRows.push([]);
      continue;
    }
    if (current.length === linesPerPage) pagesOfRows.push([row]);
    else current.push(row);
  }
  if (pagesOfRows.length > 1 && pagesOfRows[pagesOfRows.length - 1]?.length === 0) pagesOfRows.pop();
  const shown = pagesOfRows.flat();
  const lastLineShown = shown.findLast((r) => r.source !== 0)?.source ?? 0;
  const pages = pagesOfRows.length;
  const total = pages + 1 + (source.extraPages ?? 0);
  const note = truncated
    ? `Only the first ${plural(pages, 'page')} ${pages === 1 ? 'is' : 'are'} shown (${linesShown(lastLineShown, lastLineCut, source.totalLines)}); the complete file is kept unaltered in the case file, from which it can be produced on request.`
    : undefined;
  const hiddenNote = hidden > 0 ? ` ${plural(hidden, 'hidden character')} ${hidden === 1 ? 'is' : 'are'} spelled out as [U+XXXX].` : '';
  return {
    rendering: 'text',
    contentPages: pages,
    presentedAs: `${source.describe}, ${plural(pages, 'page')}${truncated ? ', truncated' : ''}; cited by page and line (page:line).${hiddenNote}`,
    ...(note ? { note } : {}),
    ...(missing.size > 0 ? { missingGlyphs: [...missing] } : {}),
    draw: () => {
      pagesOfRows.forEach((slice, p) => {
        const page = newExhibitPage(ctx, p + 1, total);
        const firstLine = slice.find((r) => r.source !== 0)?.source;
        const lastLine = slice.findLast((r) => r.source !== 0)?.source;
        const range = source.sourceNumbers && firstLine ? ` — source lines ${groupDigits(firstLine)}–${groupDigits(lastLine ?? firstLine)}` : '';
        const y0 = drawPageHeader(ctx, page, `${ctx.exhibit.label} — ${ctx.exhibit.originalName} (${source.headerNote})${range}`) - TRANSCRIPT_SIZE;
        if (slice.length === 0) {
          page.drawText('(The file is empty.)', { x: MARGIN + LEFT_GUTTER, y: y0, size: TRANSCRIPT_SIZE, font: ctx.writer.fonts.serifItalic });
        }
        slice.forEach((row, i) => drawRow(ctx, page, row, i + 1, y0 - i * LEADING, textWidth, measure, source.sourceNumbers));
        if (truncated && p === pages - 1 && note) {
          const y = y0 - slice.length * LEADING - LEADING;
          page.drawLine({ start: { x: MARGIN, y: y + LEADING - 2 }, end: { x: pw - MARGIN, y: y + LEADING - 2 }, thickness: 0.4, color: rgb(0.6, 0.6, 0.6) });
          page.drawText(visibleText(`[Truncated. ${note}]`, ctx.metrics.serifItalic).text, { x: MARGIN, y: y - 2, size: 8.5, font: ctx.writer.fonts.serifItalic, maxWidth: pw - 2 * MARGIN, lineHeight: 10.5 });
        }
      });
    },
  };
}

/**
 * Which lines a cut transcript shows, never claiming a whole line of which only the beginning is
 * on the pages (a one-line minified dump cut after 50 pages is not "lines 1–1 of 1").
 */
function linesShown(last: number, lastCut: boolean, total: number): string {
  const of = `of ${groupDigits(total)}`;
  if (!lastCut) return `lines 1–${groupDigits(last)} ${of}`;
  if (last <= 1) return `the beginning of line 1 ${of}, not the whole line`;
  return `lines 1–${groupDigits(last - 1)} and the beginning of line ${groupDigits(last)}, ${of}`;
}

/** One printed line: its number on the page (left), the source line number (right), the text. */
function drawRow(ctx: ExhibitRenderContext, page: PDFPage, row: Row, number: number, y: number, textWidth: number, measure: TextMeasure, sourceNumbers: boolean): void {
  const pw = page.getSize().width;
  const grey = rgb(0.5, 0.5, 0.5);
  const n = String(number);
  page.drawText(n, { x: MARGIN + LEFT_GUTTER - 8 - ctx.metrics.sans.widthOf(n, NUMBER_SIZE), y, size: NUMBER_SIZE, font: ctx.writer.fonts.sans, color: grey });
  if (sourceNumbers && row.source !== 0) {
    const label = groupDigits(row.source);
    page.drawText(label, { x: pw - MARGIN - ctx.metrics.sans.widthOf(label, NUMBER_SIZE - 1), y, size: NUMBER_SIZE - 1, font: ctx.writer.fonts.sans, color: grey });
  }
  if (row.text === '') return;
  // Right-to-left lines are set flush right, as their readers expect.
  const x = row.direction === 'rtl' ? MARGIN + LEFT_GUTTER + textWidth - measure.widthOf(row.text, TRANSCRIPT_SIZE) : MARGIN + LEFT_GUTTER;
  drawScriptText(page, ctx.writer.fonts, ctx.metrics, row.text, { x, y, size: TRANSCRIPT_SIZE, font: 'text', direction: row.direction });
}

/**
 * `shown` cut into rows where `layout` was wrapped: wrapText's rows are pieces of its line in
 * order (a space dropped at each break), found again by position and cut from `shown` at the same
 * code points. The two are the same line aligned character for character (the public line with
 * its labels held together, and the public or the sealed line as printed).
 */
function sameBreaks(rows: string[], layout: string, shown: string, measure: TextMeasure, width: number): string[] {
  if (layout === shown) return rows;
  // Not aligned (never expected): wrap what is printed itself rather than cut it in wrong places.
  if ([...layout].length !== [...shown].length) return wrapText(measure, shown, TRANSCRIPT_SIZE, width);
  const from = [...layout];
  const to = [...shown];
  let at = 0;
  return rows.map((row) => {
    const piece = [...row];
    const start = Math.max(at, findFrom(from, piece, at));
    at = start + piece.length;
    return to.slice(start, at).join('');
  });
}

/**
 * The public line (labels held whole) and the sealed line merged code point by code point into
 * one that is at least as wide as either wherever it is cut: where they differ, a character
 * that is not a space wins over a space (so no break falls inside a sealed name where the
 * public set pads its kept form), otherwise the wider one. The two are aligned character for
 * character (redactText); a line that is not (never expected) is returned as it is.
 */
export function widerOfEach(layout: string, shown: string, measure: TextMeasure): string {
  if (layout === shown) return layout;
  const a = [...layout];
  const b = [...shown];
  if (a.length !== b.length) return layout;
  return a
    .map((x, i) => {
      const y = b[i] as string;
      if (x === y || y === ' ') return x;
      if (x === ' ') return y;
      return measure.widthOf(y, TRANSCRIPT_SIZE) > measure.widthOf(x, TRANSCRIPT_SIZE) ? y : x;
    })
    .join('');
}

function findFrom(haystack: string[], needle: string[], from: number): number {
  for (let i = from; i + needle.length <= haystack.length; i++) {
    if (needle.every((c, j) => haystack[i + j] === c)) return i;
  }
  return from;
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(TAB - ([...out].length % TAB)) : ch;
  return out;
}
