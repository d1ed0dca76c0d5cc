/** How far from the end `startxref` is looked for; the spec puts it in the last lines, writers pad little. */
const TAIL = 4096;
/** A trailer or cross-reference stream dictionary longer than this is not one. */
const DICT_MAX = 64 * 1024;

/**
 * Whether a PDF's trailer names an /Encrypt dictionary, read from the raw bytes without parsing the
 * file. pdf-lib cannot decrypt, so an encrypted file saved with object streams (the default of
 * Acrobat, Word and pdf-lib since PDF 1.5) fails its parse before pdf-lib reports the encryption,
 * and would otherwise be described as damaged, a false statement about an intact exhibit.
 *
 * The trailer is found the way readers find it: the offset after the last `startxref` leads to a
 * classic `xref` table followed by `trailer << ... >>`, or to a cross-reference stream object
 * (`N G obj << /Type /XRef ... >>`); its top-level keys are read. Both kinds are left unencrypted
 * by the standard security handler, so the key is readable. When that offset is missing or wrong
 * (a file repaired by readers), every `trailer` dictionary and cross-reference stream dictionary in
 * the file is looked at instead.
 */
export function declaresEncryption(bytes: Uint8Array): boolean {
  const fromStartxref = trailerAtStartxref(bytes);
  if (fromStartxref !== null) return hasTopLevelKey(bytes, fromStartxref, 'Encrypt');
  return anyTrailerDeclares(bytes);
}

/** Offset of the `<<` of the dictionary `startxref` leads to, or null when it leads nowhere sensible. */
function trailerAtStartxref(bytes: Uint8Array): number | null {
  const tail = latin1(bytes, Math.max(0, bytes.length - TAIL), bytes.length);
  const at = tail.lastIndexOf('startxref');
  if (at < 0) return null;
  const offset = Number(/^startxref\s+(\d+)/.exec(tail.slice(at))?.[1] ?? NaN);
  if (!Number.isSafeInteger(offset) || offset >= bytes.length) return null;
  const here = latin1(bytes, offset, Math.min(bytes.length, offset + DICT_MAX));
  if (/^\s*xref\b/.test(here)) {
    const trailer = /trailer\s*<</.exec(here);
    return trailer ? offset + trailer.index + trailer[0].length - 2 : null;
  }
  const object = /^\s*\d+\s+\d+\s+obj\s*<</.exec(here);
  return object ? offset + object[0].length - 2 : null;
}

/** Fallback for a broken `startxref`: any `trailer <<` or `/Type /XRef` dictionary naming /Encrypt. */
function anyTrailerDeclares(bytes: Uint8Array): boolean {
  const text = latin1(bytes, 0, bytes.length);
  // At a line's start, as writers put the keyword, not in the middle of some string.
  for (const m of text.matchAll(/[\r\n]trailer\s*<</g)) {
    if (hasTopLevelKey(bytes, m.index + m[0].length - 2, 'Encrypt')) return true;
  }
  for (const m of text.matchAll(/\bobj\s*<</g)) {
    const start = m.index + m[0].length - 2;
    if (hasTopLevelKey(bytes, start, 'Type', 'XRef') && hasTopLevelKey(bytes, start, 'Encrypt')) return true;
  }
  return false;
}

/**
 * Whether the dictionary opening at `start` (its `<<`) has `key` among its own keys (not those of
 * dictionaries nested in it), optionally with the name `value`. Strings are skipped, so a title
 * such as "(/Encrypt)" is not taken for the key.
 */
function hasTopLevelKey(bytes: Uint8Array, start: number, key: string, value?: string): boolean {
  const end = Math.min(bytes.length, start + DICT_MAX);
  let depth = 0;
  let i = start;
  while (i < end) {
    const c = bytes[i]!;
    if (c === 0x3c && bytes[i + 1] === 0x3c) { depth += 1; i += 2; continue; }
    if (c === 0x3e && bytes[i + 1] === 0x3e) { depth -= 1; i += 2; if (depth === 0) return false; continue; }
    if (c === 0x28) { i = skipLiteralString(bytes, i, end); continue; }
    if (c === 0x3c) { const close = bytes.indexOf(0x3e, i); i = close < 0 ? end : close + 1; continue; }
    if (c === 0x25) { i = skipComment(bytes, i, end); continue; }
    if (c === 0x2f) {
      const name = readName(bytes, i + 1, end);
      i += 1 + name.length;
      if (depth === 1 && name === key) {
        if (value === undefined) return true;
        while (i < end && isWhite(bytes[i]!)) i += 1;
        return bytes[i] === 0x2f && readName(bytes, i + 1, end) === value;
      }
      continue;
    }
    i += 1;
  }
  return false;
}

function skipLiteralString(bytes: Uint8Array, i: number, end: number): number {
  let nesting = 0;
  for (; i < end; i += 1) {
    const c = bytes[i];
    if (c === 0x5c) { i += 1; continue; }
    if (c === 0x28) nesting += 1;
    else if (c === 0x29 && --nesting === 0) return i + 1;
  }
  return end;
}

function skipComment(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i += 1;
  return i;
}

/** A name's characters up to the next white-space or delimiter (PDF 32000 7.2.2/7.2.3). */
function readName(bytes: Uint8Array, i: number, end: number): string {
  let name = '';
  while (i < end && !isWhite(bytes[i]!) && !'()<>[]{}/%'.includes(String.fromCharCode(bytes[i]!))) {
    name += String.fromCharCode(bytes[i]!);
    i += 1;
  }
  return name;
}

function isWhite(c: number): boolean {
  return c === 0x00 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return new TextDecoder('latin1').decode(bytes.subarray(from, to));
}
