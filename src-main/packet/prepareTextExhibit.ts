import { rgb } from 'pdf-lib';
import { drawPageHeader } from './drawPageHeader';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { groupDigits } from './formatText';
import { plural, type PreparedExhibit } from './PreparedExhibit';
import { FOOTER_BAND } from './stampPage';
import { visibleText } from './visibleText';

const SIZE = 7.5;
const LEADING = 9.2;
const MARGIN = 36;
const TAB = 8;

/**
 * Shows a text-like exhibit (plain text, logs, CSV, JSON, HTML and e-mail source) as monospace
 * pages with line numbers, exactly as stored: nothing is rendered or interpreted, hidden
 * characters are spelled out. At most `textPageCap` pages are drawn; the last one says where the
 * text was cut and that the complete file is produced natively. Only the part of the file that
 * can be shown is decoded.
 */
export async function prepareTextExhibit(
  ctx: ExhibitRenderContext,
  bytes: Uint8Array,
  /** Set when `bytes` is only the beginning of a larger file that was streamed. */
  partial?: { totalLines: number },
): Promise<PreparedExhibit> {
  const [pw, ph] = ctx.pageSize;
  const mono = ctx.metrics.mono;
  const charW = mono.widthOf('0', SIZE);
  const { encoding, bomLength } = detectEncoding(bytes);
  const totalLines = partial ? partial.totalLines : countLines(bytes, encoding);
  const digits = Math.max(4, String(totalLines).length);
  const gutter = (digits + 2) * charW;
  const cols = Math.floor((pw - 2 * MARGIN - gutter) / charW);
  // Header line at the top; footer band at the bottom.
  const top = ph - MARGIN + 2 - 12;
  const linesPerPage = Math.floor((top - (FOOTER_BAND + 8)) / LEADING);
  const maxRows = ctx.textPageCap * linesPerPage;

  const prefixBytes = Math.min(bytes.length, bomLength + maxRows * (cols + 1) * 4 + 1024);
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength, prefixBytes));
  const rows: { number: string; text: string }[] = [];
  let hidden = 0;
  const logical = text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
  if (logical.length > 1 && logical[logical.length - 1] === '' && prefixBytes === bytes.length && !partial) logical.pop();
  for (const [i, raw] of logical.entries()) {
    if (rows.length > maxRows) break;
    const clean = visibleText(expandTabs(raw), mono);
    hidden += clean.replaced;
    const chars = [...clean.text];
    for (let at = 0; at === 0 || at < chars.length; at += cols) {
      rows.push({ number: at === 0 ? String(i + 1) : '', text: chars.slice(at, at + cols).join('') });
    }
  }
  const truncated = rows.length > maxRows || prefixBytes < bytes.length || partial !== undefined;
  // Leave room on the last page for the note saying where the text stops, and stop at the end of
  // a whole line rather than inside a wrapped one.
  const shownRows = truncated ? rows.slice(0, maxRows - 3) : rows;
  if (truncated && rows[shownRows.length]?.number === '') {
    // The cut falls inside a wrapped line: end before that line, unless it is the only one shown.
    const start = shownRows.findLastIndex((r) => r.number !== '');
    if (start > 0) shownRows.length = start;
  }
  const lastLineShown = Number(shownRows.findLast((r) => r.number !== '')?.number ?? '0');
  const pages = Math.max(1, Math.ceil(shownRows.length / linesPerPage));
  const total = pages + 1;
  const encodingLabel = encoding.toUpperCase();
  const note = truncated
    ? `Only the first ${plural(pages, 'page')} ${pages === 1 ? 'is' : 'are'} shown (lines 1–${groupDigits(lastLineShown)} of ${groupDigits(totalLines)}); the complete file is produced natively.`
    : undefined;
  const hiddenNote =
    hidden > 0 ? ` ${plural(hidden, 'character')} that cannot be printed as is ${hidden === 1 ? 'is' : 'are'} spelled out as [U+XXXX] or shown as the replacement character U+FFFD.` : '';

  return {
    rendering: 'text',
    contentPages: pages,
    presentedAs: `Text (${encodingLabel}, ${plural(totalLines, 'line')}) shown as source, ${plural(pages, 'page')}${truncated ? ', truncated' : ''}.${hiddenNote}`,
    ...(note ? { note } : {}),
    draw: () => {
      for (let p = 0; p < pages; p++) {
        const page = newExhibitPage(ctx, p + 1, total);
        const slice = shownRows.slice(p * linesPerPage, (p + 1) * linesPerPage);
        const firstLine = slice.find((r) => r.number !== '')?.number;
        const lastLine = slice.findLast((r) => r.number !== '')?.number;
        const range = firstLine ? ` — lines ${groupDigits(Number(firstLine))}–${groupDigits(Number(lastLine))}` : '';
        const y0 = drawPageHeader(ctx, page, `${ctx.exhibit.label} — ${ctx.exhibit.originalName} (${ctx.exhibit.mediaType}, ${encodingLabel})${range}`) - SIZE;
        const font = ctx.writer.fonts.mono;
        if (slice.length === 0) {
          page.drawText('(The file is empty.)', { x: MARGIN, y: y0, size: SIZE, font: ctx.writer.fonts.serifItalic });
        } else {
          // Wrapped continuation rows carry a hook in the gutter instead of a line number.
          page.drawText(slice.map((r) => (r.number === '' ? '\u21AA'.padStart(digits, ' ') : r.number.padStart(digits, ' '))).join('\n'), { x: MARGIN, y: y0, size: SIZE, font, lineHeight: LEADING, color: rgb(0.55, 0.55, 0.55) });
          page.drawText(slice.map((r) => r.text).join('\n'), { x: MARGIN + gutter, y: y0, size: SIZE, font, lineHeight: LEADING });
        }
        if (truncated && p === pages - 1 && note) {
          const y = y0 - slice.length * LEADING - LEADING;
          page.drawLine({ start: { x: MARGIN, y: y + LEADING - 2 }, end: { x: pw - MARGIN, y: y + LEADING - 2 }, thickness: 0.4, color: rgb(0.6, 0.6, 0.6) });
          page.drawText(visibleText(`[Truncated. ${note}]`, ctx.metrics.serifItalic).text, { x: MARGIN, y: y - 2, size: 8.5, font: ctx.writer.fonts.serifItalic, maxWidth: pw - 2 * MARGIN, lineHeight: 10.5 });
        }
      }
    },
  };
}

function detectEncoding(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Lines in the whole file (a final line without a newline counts), without decoding it. */
function countLines(bytes: Uint8Array, encoding: string): number {
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
