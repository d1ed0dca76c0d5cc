import { htmlToText } from './htmlToText';

interface MimePart {
  headers: Map<string, string>;
  /** Body as a binary string (one char per byte), decoded later with the part's charset. */
  body: string;
}

const INDEXED_HEADERS = ['subject', 'from', 'to', 'cc', 'date', 'content-location', 'snapshot-content-location'];
const MAX_DEPTH = 8;

function parsePart(raw: string): MimePart {
  const split = /\r?\n\r?\n/.exec(raw);
  const headerText = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function parameter(header: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function decodeCharset(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeTransfer(body: string, encoding: string): Buffer {
  const kind = encoding.toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (kind === 'quoted-printable') {
    const unfolded = body.replace(/=\r?\n/g, '');
    return Buffer.from(unfolded.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** RFC 2047 encoded words in headers (=?utf-8?B?...?= and =?utf-8?Q?...?=). */
function decodeHeader(value: string): string {
  const bytes = Buffer.from(value, 'latin1').toString('utf8');
  return bytes.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, kind: string, text: string) => {
    const raw = kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return decodeCharset(raw, charset);
  });
}

function partText(part: MimePart, depth: number, out: string[]): void {
  for (const name of INDEXED_HEADERS) {
    const value = part.headers.get(name);
    if (value && depth === 0) out.push(`${name}: ${decodeHeader(value)}`);
  }
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const encoding = part.headers.get('content-transfer-encoding') ?? '7bit';
  if (type.startsWith('multipart/')) {
    const boundary = parameter(contentType, 'boundary');
    if (!boundary || depth >= MAX_DEPTH) return;
    const pieces = part.body.split(`--${boundary}`);
    // pieces[0] is the preamble; the piece starting with "--" is the epilogue.
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      partText(parsePart(piece.replace(/^[ \t]*\r?\n/, '')), depth + 1, out);
    }
    return;
  }
  if (type === 'message/rfc822' && depth < MAX_DEPTH) {
    partText(parsePart(decodeTransfer(part.body, encoding).toString('latin1')), 0, out);
    return;
  }
  const filename = parameter(part.headers.get('content-disposition') ?? '', 'filename') ?? parameter(contentType, 'name');
  if (filename) out.push(`attachment: ${decodeHeader(filename)}`);
  if (!type.startsWith('text/')) return;
  const text = decodeCharset(decodeTransfer(part.body, encoding), parameter(contentType, 'charset'));
  out.push(type === 'text/html' ? htmlToText(text) : text);
}

/**
 * The readable text of an e-mail (.eml) or a saved web page (MHTML): the main headers, every text
 * part decoded (quoted-printable, base64, charsets), HTML parts reduced to text, attachment names.
 * For the search index only. `raw` is the message as a binary string (latin1, one char per byte).
 */
export function mimeToText(raw: string): string {
  const out: string[] = [];
  partText(parsePart(raw), 0, out);
  return out.join('\n').trim();
}
