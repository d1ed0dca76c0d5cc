/**
 * MIME encoded words (RFC 2047, "=?UTF-8?B?U1NO...?=") as the redaction reads them: an e-mail's
 * raw header page prints them as stored, and base64 or quoted-printable is the value to anyone
 * who decodes it. A run of encoded words separated only by white space (a folded header) is one
 * text, as a mail client decodes it, so a value split across two words is found too.
 */

const WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
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

/** `text` followed by what each of its runs of encoded words decodes to, one a line: what the leak check searches. */
export function withEncodedWordsDecoded(text: string): string {
  const runs = encodedRuns(text);
  return runs.length === 0 ? text : `${text}\n${runs.map((r) => r.decoded).join('\n')}`;
}

/** An encoded run with every payload masked ("=?UTF-8?B?XXXX?="), charset, encoding and white space kept: same length, so both sets stay aligned. */
export function maskEncodedRun(run: string): string {
  return run.replace(WORD, (_m, charset: string, kind: string, payload: string) => `=?${charset}?${kind}?${'X'.repeat(payload.length)}?=`);
}
