import { charsetHow, decodeWith, detectCharset } from '../evidence/decodeText';
import { countLines } from './LineCounter';
import type { ExhibitRenderContext } from './ExhibitRenderContext';
import { plural, type PreparedExhibit } from './PreparedExhibit';
import { prepareTranscriptPages, transcriptLinesPerPage } from './prepareTranscriptPages';

/** Bytes decoded per row that can be shown: generous for CJK (3 bytes a character in UTF-8). */
const BYTES_PER_ROW = 400;

/**
 * Shows a text-like exhibit (plain text, logs, CSV, JSON, HTML source) as numbered transcript
 * pages (see prepareTranscriptPages). Nothing is rendered or interpreted: HTML is shown as its
 * source. The bytes are decoded in their own charset (BOM, declared, HTML meta, or detected: see
 * decodeText), and only the part of the file that can be shown is decoded.
 */
export async function prepareTextExhibit(
  ctx: ExhibitRenderContext,
  bytes: Uint8Array,
  /** Set when `bytes` is only the beginning of a larger file that was streamed. */
  partial?: { totalLines: number },
): Promise<PreparedExhibit> {
  const found = detectCharset(bytes, { mediaType: ctx.exhibit.mediaType, complete: !partial });
  const totalLines = partial ? partial.totalLines : countLines(bytes, found.charset);
  const maxRows = ctx.textPageCap * transcriptLinesPerPage(ctx.pageSize, ctx.layout);
  const prefixBytes = Math.min(bytes.length, found.bomLength + maxRows * BYTES_PER_ROW + 1024);
  const charsetLabel = `${found.charset.toUpperCase()}${charsetHow(found.source)}`;
  return prepareTranscriptPages(ctx, {
    text: decodeWith(bytes.subarray(found.bomLength, prefixBytes), found.charset, prefixBytes === bytes.length),
    complete: prefixBytes === bytes.length && !partial,
    totalLines,
    headerNote: `${ctx.exhibit.mediaType}, ${charsetLabel}`,
    sourceNumbers: true,
    describe: `Text (${charsetLabel}, ${plural(totalLines, 'line')}) shown as source`,
  });
}
