import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes decide whether a file is text. */
const SNIFF_BYTES = 64 * 1024;

/** Lower-case extension, keeping the compound ones that matter here (".warc.gz"). */
export function fileExtension(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('.warc.gz')) return 'warc.gz';
  return path.extname(lower).slice(1);
}

/**
 * Decodes the start of a file if it is text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * single-byte text with almost no control characters (old Windows logs). Null for binary data.
 */
export function sniffText(head: Uint8Array): string | null {
  const sample = head.subarray(0, SNIFF_BYTES);
  if (hasUtf16Bom(sample)) return utf16Text(sample);
  if (sample.includes(0)) return null;
  // The sample may end inside a multi-byte character: retry without its last 1-3 bytes.
  for (let cut = 0; cut <= 3 && cut < sample.length; cut += 1) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
    } catch {
      // not valid UTF-8 at this cut
    }
  }
  return fewControls(sample, sample.length) ? new TextDecoder('windows-1252').decode(sample) : null;
}

function hasUtf16Bom(sample: Uint8Array): boolean {
  return sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff));
}

/** Text after a UTF-16 byte-order mark, or null when what follows does not read as text. */
function utf16Text(sample: Uint8Array): string | null {
  // An odd last byte may be half a character cut by the sample.
  const even = sample.subarray(0, sample.length - (sample.length % 2));
  let text: string;
  try {
    text = new TextDecoder(sample[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(even);
  } catch {
    return null; // unpaired surrogates: not UTF-16 text
  }
  const codes = Array.from(text, (ch) => ch.codePointAt(0)!);
  return fewControls(codes, codes.length) ? text : null;
}

/** At most one control character (other than tab, line breaks, form feed, escape) in 200. */
function fewControls(codes: Iterable<number>, length: number): boolean {
  let control = 0;
  for (const code of codes) if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1b) control += 1;
  return control <= length / 200;
}

/**
 * Names of the RFC 5322-style header lines a text starts with (e-mail, MHTML), or an empty set
 * when it does not start with a header block ended by a blank line. A plain loop: regular
 * expressions with nested repetition can take exponential time on hostile input.
 */
function headerNames(text: string): Set<string> {
  const names = new Set<string>();
  let position = 0;
  for (let lines = 0; lines < 500 && position < text.length; lines += 1) {
    const newline = text.indexOf('\n', position);
    if (newline < 0) return new Set();
    const line = text.slice(position, newline).replace(/\r$/, '');
    position = newline + 1;
    if (line === '') return names;
    if (line[0] === ' ' || line[0] === '\t') {
      if (names.size === 0) return new Set();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1 || !/^[!-9;-~]+$/.test(line.slice(0, colon))) return new Set();
    names.add(line.slice(0, colon).toLowerCase());
  }
  return new Set();
}

/** The text after any leading whitespace, XML declaration and comments (a loop, for the same reason). */
function skipPrologue(text: string): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i += 1;
    const close = text.startsWith('<!--', i) ? '-->' : text.startsWith('<?xml', i) ? '?>' : null;
    if (!close) return text.slice(i);
    const end = text.indexOf(close, i);
    if (end < 0) return '';
    i = end + close.length;
  }
}

function looksLikeCsv(text: string, separator: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0).slice(0, 20);
  if (lines.length < 3) return false;
  const counts = lines.slice(0, -1).map((l) => l.split(separator).length - 1);
  return counts[0]! >= 1 && counts.every((c) => c === counts[0]);
}

/** Media type of a text file, from its content first and its extension second. */
function textMediaType(text: string, ext: string, complete: boolean): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^WARC\/1\.[01]\r?\n/.test(start)) return 'application/warc';
  const headers = headerNames(start);
  if (headers.has('mime-version') && /^content-type:\s*multipart\/related/im.test(start.slice(0, 8192))) return 'multipart/related';
  if (['mht', 'mhtml'].includes(ext) && headers.has('mime-version')) return 'multipart/related';
  if (headers.has('from') && ['subject', 'date', 'received', 'message-id', 'to'].some((h) => headers.has(h))) return 'message/rfc822';
  // A mailbox: a "From " separator line, then a message's headers (RFC 4155).
  if (/^From \S/.test(start) && headerNames(start.slice(start.indexOf('\n') + 1)).has('from')) return 'application/mbox';
  const markup = skipPrologue(start);
  if (/^<svg[\s>]/i.test(markup)) return 'image/svg+xml';
  if (/^<(?:!doctype\s+html|html|head|body)[\s>]/i.test(markup)) return 'text/html';
  if (['html', 'htm', 'xhtml'].includes(ext) && /<[a-z!]/i.test(start)) return 'text/html';
  if (['json', 'geojson'].includes(ext) || (complete && /^[[{]/.test(start) && isJson(start))) return 'application/json';
  if (['jsonl', 'ndjson'].includes(ext)) return 'application/x-ndjson';
  if (/^<\?xml\s/i.test(start)) return 'application/xml';
  if (ext === 'tsv' || (ext !== 'csv' && looksLikeCsv(start, '\t') && !['log', 'txt'].includes(ext))) return 'text/tab-separated-values';
  if (ext === 'csv' || (looksLikeCsv(start, ',') && !['log', 'txt', 'md'].includes(ext))) return 'text/csv';
  if (['md', 'markdown'].includes(ext)) return 'text/markdown';
  return 'text/plain';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The media type of stored bytes, judged by their content (magic numbers via `file-type`, then
 * text sniffing), never by the name alone: a PNG renamed .txt is still a PNG. The extension only
 * settles between text formats the content cannot tell apart (CSV or plain text).
 * `head` is the start of the file; `complete` says it is the whole file.
 */
export async function detectMediaType(head: Uint8Array, name: string, complete: boolean): Promise<string> {
  const ext = fileExtension(name);
  if (head.length === 0) return 'application/octet-stream';
  // Before magic numbers: FF FE also reads as an MPEG audio frame sync (file-type said audio/mpeg).
  const utf16 = hasUtf16Bom(head) ? utf16Text(head.subarray(0, SNIFF_BYTES)) : null;
  if (utf16 !== null) return textMediaType(utf16, ext, complete);
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (detected.mime === 'application/gzip' && ext === 'warc.gz') return 'application/warc+gzip';
    // file-type reports any XML as application/xml; an SVG or XHTML page says what it is.
    if (detected.mime === 'application/xml') {
      const text = sniffText(head);
      if (text) {
        const refined = textMediaType(text, ext, complete);
        if (refined === 'image/svg+xml' || refined === 'text/html') return refined;
      }
    }
    return detected.mime;
  }
  const text = sniffText(head);
  return text === null ? 'application/octet-stream' : textMediaType(text, ext, complete);
}

/** Media types whose bytes are text a person can read (shown as text, indexed for search). */
export function isTextMediaType(mediaType: string): boolean {
  return (
    mediaType.startsWith('text/') ||
    ['application/json', 'application/x-ndjson', 'application/xml', 'application/xhtml+xml', 'message/rfc822',
      'multipart/related', 'application/warc', 'image/svg+xml', 'application/mbox'].includes(mediaType)
  );
}
