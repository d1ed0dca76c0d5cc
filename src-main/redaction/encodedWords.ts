/**
 * MIME encoded words (RFC 2047, "=?UTF-8?B?U1NO...?=") as the redaction reads them: an e-mail's
 * raw header page prints them as stored, and base64 or quoted-printable is the value to anyone
 * who decodes it; so are RFC 2231 extended parameters (filename*=UTF-8''%32%31...). A run of encoded words separated only by white space (a folded header) is one
 * text, as a mail client decodes it, so a value split across two words is found too.
 */

const WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
// RFC 2231 extended parameters: filename*=UTF-8''%53%53%4E, or in segments filename*0*=..., filename*1*=...
const EXTENDED = /([A-Za-z0-9_.-]+)\*(?:(\d+)\*)?=(?:([^'\s;"]*)'[^'\s;"]*')?((?:%[0-9A-Fa-f]{2}|[^\s;"%])+)/g;
const RUN = /=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=(?:\s+=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)*/g;

/** A run of adjacent encoded words: where it stands in the text and what it decodes to. */
export interface EncodedRun {
  start: number;
  end: number;
  decoded: string;
}

function wordBytes(kind: string, payload: string): Buffer {
  if (kind.toUpperCase() === 'B') return Buffer.from(payload, 'base64');
  return Buffer.from(payload.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.replace(/\*.*$/, '').toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** Every run of encoded words in `text`, decoded (bytes of one charset joined before decoding: a character may be split across words). */
export function encodedRuns(text: string): EncodedRun[] {
  if (!text.includes('=?')) return [];
  const runs: EncodedRun[] = [];
  for (const m of text.matchAll(RUN)) {
    let decoded = '';
    let charset = '';
    let pending: Buffer[] = [];
    for (const w of m[0].matchAll(WORD)) {
      if (w[1]!.toLowerCase() !== charset && pending.length > 0) {
        decoded += decodeBytes(Buffer.concat(pending), charset);
        pending = [];
      }
      charset = w[1]!.toLowerCase();
      pending.push(wordBytes(w[2]!, w[3]!));
    }
    if (pending.length > 0) decoded += decodeBytes(Buffer.concat(pending), charset);
    runs.push({ start: m.index, end: m.index + m[0].length, decoded });
  }
  return runs;
}

/** encodedRuns and the RFC 2231 extended parameters (extendedRuns), in the order they stand. */
export function encodedParts(text: string): EncodedRun[] {
  return [...encodedRuns(text), ...extendedRuns(text)].sort((a, b) => a.start - b.start);
}

function percentBytes(payload: string): Buffer {
  return Buffer.from(payload.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

/**
 * Every RFC 2231 extended parameter in `text` (an attachment's name in a raw Content-Disposition
 * header), decoded: its segments (name*0*, name*1*, ...) joined in order, from the first segment
 * to the last as one run. A new unnumbered parameter or segment 0 of a name starts a new one.
 */
function extendedRuns(text: string): EncodedRun[] {
  if (!text.includes("*=")) return [];
  const runs: (EncodedRun & { name: string; charset: string; bytes: Buffer[] })[] = [];
  for (const m of text.matchAll(EXTENDED)) {
    const name = m[1]!.toLowerCase();
    const segment = m[2] === undefined ? null : Number(m[2]);
    const open = runs.findLast((r) => r.name === name);
    if (open && segment !== null && segment > 0) {
      open.bytes.push(percentBytes(m[4]!));
      open.end = m.index + m[0].length;
      continue;
    }
    runs.push({ name, charset: m[3] || 'us-ascii', bytes: [percentBytes(m[4]!)], start: m.index, end: m.index + m[0].length, decoded: '' });
  }
  return runs.map((r) => ({ start: r.start, end: r.end, decoded: decodeBytes(Buffer.concat(r.bytes), r.charset) }));
}

/** `text` followed by what each of its runs of encoded words decodes to, one a line: what the leak check searches. */
export function withEncodedWordsDecoded(text: string): string {
  const runs = encodedParts(text);
  return runs.length === 0 ? text : `${text}\n${runs.map((r) => r.decoded).join('\n')}`;
}

/** An encoded run with every payload masked ("=?UTF-8?B?XXXX?=", "filename*=UTF-8''XXXXXX"), charset, encoding and white space kept: same length, so both sets stay aligned. */
export function maskEncodedRun(run: string): string {
  return run
    .replace(WORD, (_m, charset: string, kind: string, payload: string) => `=?${charset}?${kind}?${'X'.repeat(payload.length)}?=`)
    .replace(EXTENDED, (m: string, _name: string, _segment: string | undefined, _charset: string | undefined, payload: string) => `${m.slice(0, m.length - payload.length)}${'X'.repeat(payload.length)}`);
}
