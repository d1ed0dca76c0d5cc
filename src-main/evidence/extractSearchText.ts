import type Database from 'better-sqlite3';
import { isTextMediaType } from './detectMediaType';
import type { EvidenceText } from './evidenceText';
import { htmlToText } from './htmlToText';
import { mimeToText } from './mimeToText';
import { pdfToText } from './pdfToText';
import { getStoredContent, readStoredBytes } from './readEvidenceStream';

/** At most this much text per exhibit goes into the search index. */
export const SEARCH_TEXT_MAX_CHARS = 2_000_000;
/** Raw bytes read from a text-like exhibit to find that text (markup and encodings take room). */
const TEXT_RAW_MAX_BYTES = 8 * 1024 * 1024;
/** pdfjs holds a whole PDF in memory while parsing it: larger PDFs keep their metadata only. */
export const PDF_TEXT_MAX_BYTES = 48 * 1024 * 1024;

function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // Invalid sequences become U+FFFD: the index only needs the words that are there.
  return new TextDecoder('utf-8').decode(bytes);
}

function capped(text: string, alreadyTruncated: boolean): { text: string; truncated: boolean } {
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]+/g, ' ');
  return cleaned.length > SEARCH_TEXT_MAX_CHARS
    ? { text: cleaned.slice(0, SEARCH_TEXT_MAX_CHARS), truncated: true }
    : { text: cleaned, truncated: alreadyTruncated };
}

/**
 * Text for the search index from stored bytes, by media type: plain text, CSV and JSON as they
 * are; HTML, WARC and MHTML/e-mail reduced to their readable text; PDF via pdfjs. Null for
 * formats without text. Never throws for bad content: an unreadable PDF is indexed by its
 * metadata and the note says why.
 */
export async function extractSearchText(db: Database.Database, contentSha256: string, mediaType: string): Promise<EvidenceText | null> {
  const content = getStoredContent(db, contentSha256);
  if (mediaType === 'application/pdf') {
    if (content.size_bytes > PDF_TEXT_MAX_BYTES) {
      return { extractor: 'none', text: '', truncated: true, note: `PDF larger than ${PDF_TEXT_MAX_BYTES / 1024 / 1024} MiB: its text was not indexed.` };
    }
    try {
      const pdf = await pdfToText(readStoredBytes(db, contentSha256, PDF_TEXT_MAX_BYTES).bytes, SEARCH_TEXT_MAX_CHARS);
      const note = pdf.pagesRead < pdf.pageCount ? `Text of ${pdf.pagesRead} of ${pdf.pageCount} pages indexed.` : null;
      return { extractor: 'pdf', ...capped(pdf.text, pdf.truncated), note };
    } catch (error) {
      return { extractor: 'none', text: '', truncated: false, note: `PDF text could not be read: ${(error as Error).message}` };
    }
  }
  return extractTextNow(db, contentSha256, mediaType) ?? null;
}

/**
 * extractSearchText for every format but PDF (pdfjs works asynchronously), synchronously: for a
 * re-index inside a write transaction that must find the text again from the bytes
 * (evidenceText.ts). Undefined for a PDF.
 */
export function extractTextNow(db: Database.Database, contentSha256: string, mediaType: string): EvidenceText | null | undefined {
  if (mediaType === 'application/pdf') return undefined;
  const content = getStoredContent(db, contentSha256);
  if (!isTextMediaType(mediaType) || content.size_bytes === 0) return null;
  if (mediaType === 'application/warc') {
    // A web archive's raw records (binary payloads full of '<' and control bytes) cost hundreds of
    // MiB of regex matches to strip and index nothing useful; its pages are indexed one by one by
    // the capture import (captures/), which reads each record's own charset.
    return { extractor: 'none', text: '', truncated: false, note: 'A web archive: its captured pages are indexed by the capture import (dossier capture import).' };
  }
  const { bytes, complete } = readStoredBytes(db, contentSha256, TEXT_RAW_MAX_BYTES);
  if (mediaType === 'message/rfc822' || mediaType === 'multipart/related') {
    return { extractor: 'mime', ...capped(mimeToText(bytes.toString('latin1')), !complete), note: null };
  }
  const text = decodeText(bytes);
  if (['text/html', 'application/xhtml+xml', 'image/svg+xml'].includes(mediaType)) {
    return { extractor: 'html', ...capped(htmlToText(text), !complete), note: null };
  }
  return { extractor: 'text', ...capped(text, !complete), note: null };
}
