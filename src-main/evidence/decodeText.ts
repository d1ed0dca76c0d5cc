import chardet from 'chardet';
import iconv from 'iconv-lite';

/** How the character set of a text was found, strongest first. Shown with the text so a reader can judge it. */
export type CharsetSource = 'bom' | 'declared' | 'html-meta' | 'xml-declaration' | 'valid-utf-8' | 'mostly-utf-8' | 'detected' | 'fallback';

export interface DecodedText {
  text: string;
  /** Canonical charset name as iconv-lite knows it, e.g. "utf-8", "windows-1258", "shift_jis". */
  charset: string;
  source: CharsetSource;
  /** Bytes of a byte-order mark at the start (not part of the text). */
  bomLength: number;
}

/** How far into a file the HTML meta / XML declaration and the detector look. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Finds the character set of text evidence, in the order a browser or mail client would: a
 * byte-order mark, then the charset declared with the file (MIME Content-Type parameter), then an
 * HTML `<meta charset>` / `http-equiv` or XML declaration, then "it is valid UTF-8", then
 * statistical detection (chardet), and Windows-1252 only as a last resort (every byte decodes).
 * A declared charset iconv-lite does not know is ignored, not trusted blindly.
 */
export function detectCharset(bytes: Uint8Array, opts: { mediaType?: string; declared?: string | null; complete?: boolean } = {}): Omit<DecodedText, 'text'> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', source: 'bom', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', source: 'bom', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', source: 'bom', bomLength: 2 };
  const declared = known(opts.declared ?? charsetParameter(opts.mediaType ?? ''));
  if (declared) return { charset: declared, source: 'declared', bomLength: 0 };
  const head = bytes.subarray(0, SNIFF_BYTES);
  const ascii = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const type = (opts.mediaType ?? '').toLowerCase();
  if (type.includes('html') || /^\s*<(!doctype html|html|head|meta)/i.test(ascii)) {
    const meta = known(htmlMetaCharset(ascii));
    // A page that says UTF-16 in ASCII bytes cannot be UTF-16 (the HTML standard reads it as UTF-8).
    if (meta) return { charset: meta.startsWith('utf-16') ? 'utf-8' : meta, source: 'html-meta', bomLength: 0 };
  }
  const xml = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(ascii);
  const xmlCharset = known(xml?.[1] ?? null);
  if (xmlCharset) return { charset: xmlCharset, source: 'xml-declaration', bomLength: 0 };
  // A cut file (a preview, a capped text) may end inside a character: that alone is not invalid.
  if (isUtf8(head, head.length < bytes.length || opts.complete === false)) return { charset: 'utf-8', source: 'valid-utf-8', bomLength: 0 };
  if (mostlyUtf8(head)) return { charset: 'utf-8', source: 'mostly-utf-8', bomLength: 0 };
  const guess = chardet.analyse(head)[0];
  const detected = known(guess?.name ?? null);
  if (detected && (guess?.confidence ?? 0) >= 10) return { charset: detected, source: 'detected', bomLength: 0 };
  return { charset: 'windows-1252', source: 'fallback', bomLength: 0 };
}

/**
 * How the charset was found, as shown after its name on a page or in a preview: nothing when the
 * file says it (BOM, declaration, valid UTF-8), else how much to trust the reading.
 */
export function charsetHow(source: CharsetSource): string {
  if (source === 'detected') return ', detected';
  if (source === 'fallback') return ', guessed';
  if (source === 'mostly-utf-8') return ', with bytes that are not UTF-8 shown as \uFFFD';
  return '';
}

/**
 * Decodes text evidence (see detectCharset for how the charset is chosen). Windows-1258 stores
 * most Vietnamese tones as combining marks; its text is composed (NFC), as a reader of that
 * charset shows it. Nothing else is normalised. `complete: false` means `bytes` is only the
 * start of the file: an incomplete character at the cut is left out instead of shown as U+FFFD.
 */
export function decodeText(bytes: Uint8Array, opts: { mediaType?: string; declared?: string | null; complete?: boolean } = {}): DecodedText {
  const found = detectCharset(bytes, opts);
  return { ...found, text: decodeWith(bytes.subarray(found.bomLength), found.charset, opts.complete ?? true) };
}

/** Decodes bytes in a charset already chosen (see detectCharset). */
export function decodeWith(bytes: Uint8Array, charset: string, complete = true): string {
  let body = bytes;
  if (!complete && charset === 'utf-8') body = bytes.subarray(0, utf8CompleteLength(bytes));
  if (!complete && (charset === 'utf-16le' || charset === 'utf-16be')) body = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const text = charset === 'utf-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), charset, { stripBOM: false });
  return charset === 'windows-1258' ? text.normalize('NFC') : text;
}

/** The `charset` parameter of a Content-Type value, or null. */
export function charsetParameter(contentType: string): string | null {
  const m = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i.exec(contentType);
  return m?.[1] ?? null;
}

/** The charset named by `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
function htmlMetaCharset(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

function known(name: string | null): string | null {
  if (!name) return null;
  const lower = name.toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8';
  if (!iconv.encodingExists(lower)) return null;
  // Browsers treat these labels as their supersets (WHATWG Encoding Standard).
  const superset: Record<string, string> = { 'iso-8859-1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252', gb2312: 'gbk', 'x-sjis': 'shift_jis', 'shift-jis': 'shift_jis', sjis: 'shift_jis' };
  return superset[lower] ?? lower;
}

/**
 * UTF-8 with a few damaged bytes (a stray byte, a cut character mid-file): at least two valid
 * multi-byte characters and at most half as many bad sequences. Text in a single-byte charset
 * rarely forms even one valid multi-byte UTF-8 sequence (an accented letter is one high byte
 * between ASCII ones), so reading it as Windows-1252 would turn every good character into two.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const ch of new TextDecoder('utf-8').decode(bytes)) {
    if (ch === '\uFFFD') bad += 1;
    else if (ch.codePointAt(0)! >= 0x80) good += 1;
  }
  return good >= 2 && bad * 2 <= good;
}

/** True when `bytes` is well-formed UTF-8 (a character cut at the end is allowed when `prefix`). */
function isUtf8(bytes: Uint8Array, prefix: boolean): boolean {
  const end = prefix ? utf8CompleteLength(bytes) : bytes.length;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Length of `bytes` without a UTF-8 sequence cut off at the end. */
function utf8CompleteLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
