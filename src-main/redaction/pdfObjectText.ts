import {
  decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, type PDFObject,
} from 'pdf-lib';

/** Text held by one object of a PDF file, as a leak search reads it. */
export interface ObjectText {
  text: string;
  /** 1-based page whose dictionary reaches the object (its resources, contents, annotations); null when no page does. */
  page: number | null;
  /**
   * 'strings': a string of a dictionary or array, or a metadata or embedded file stream, where
   * any spelling counts; 'shown': string operands of a content stream (glyph codes of embedded
   * fonts look like random bytes, so only the value's own spellings count, not letters and digits
   * gathered across them).
   */
  kind: 'strings' | 'shown';
}

const FONT_PROGRAM_KEYS = ['FontFile', 'FontFile2', 'FontFile3'];

/**
 * The text of every object of a PDF file, whether or not a reader shows it: strings anywhere
 * (document information, annotations, form fields and their values, outlines, names, optional
 * content), XMP metadata and embedded files decoded, string operands of every content stream
 * (pages, form XObjects painted or not, annotation appearances), and the header segments of
 * JPEG images (EXIF, XMP, comments travel there). Font programs and pixel data are not text.
 * This is the "qpdf --qdf, then strings" search done object by object, so a value is found in
 * places pdf.js's page text never reaches.
 */
export async function pdfObjectText(bytes: Uint8Array): Promise<ObjectText[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  const context = doc.context;
  const pageOf = new Map<string, number>();
  doc.getPages().forEach((page, i) => {
    const seen = new Set<string>();
    const walk = (obj: PDFObject | undefined): void => {
      if (obj instanceof PDFRef) {
        const key = obj.toString();
        if (seen.has(key)) return;
        seen.add(key);
        if (!pageOf.has(key)) pageOf.set(key, i + 1);
        walk(context.lookup(obj));
      } else if (obj instanceof PDFDict) {
        for (const [k, v] of obj.entries()) if (k.asString() !== '/Parent' && k.asString() !== '/P') walk(v);
      } else if (obj instanceof PDFArray) {
        for (const v of obj.asArray()) walk(v);
      } else if (obj instanceof PDFStream) {
        walk(obj.dict);
      }
    };
    walk(page.ref);
  });
  const fontPrograms = new Set<string>();
  for (const [, obj] of context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : null;
    for (const key of FONT_PROGRAM_KEYS) {
      const ref = dict?.get(PDFName.of(key));
      if (ref instanceof PDFRef) fontPrograms.add(ref.toString());
    }
  }
  const out: ObjectText[] = [];
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    const page = pageOf.get(ref.toString()) ?? null;
    const strings: string[] = [];
    collectStrings(obj instanceof PDFStream ? obj.dict : obj, strings);
    if (strings.length > 0) out.push({ text: strings.join('\n'), page, kind: 'strings' });
    if (!(obj instanceof PDFRawStream) || fontPrograms.has(ref.toString())) continue;
    const name = (key: string) => obj.dict.lookupMaybe(PDFName.of(key), PDFName)?.decodeText();
    const subtype = name('Subtype');
    if (subtype === 'Image') {
      const filter = obj.dict.get(PDFName.of('Filter'));
      if (filter instanceof PDFName && filter.decodeText() === 'DCTDecode') out.push({ text: jpegHeaders(obj.getContents()), page, kind: 'strings' });
      continue;
    }
    const decoded = decode(obj);
    if (!decoded) continue;
    const type = name('Type');
    if (type === 'Metadata' || type === 'EmbeddedFile' || subtype === 'XML') {
      out.push({ text: Buffer.from(decoded).toString(looksUtf8(decoded) ? 'utf8' : 'latin1'), page, kind: 'strings' });
    } else if (type !== 'ObjStm' && type !== 'XRef') {
      out.push({ text: shownStrings(decoded), page, kind: 'shown' });
    }
  }
  return out;
}

function collectStrings(obj: PDFObject | undefined, into: string[]): void {
  if (obj instanceof PDFString || obj instanceof PDFHexString) into.push(obj.decodeText());
  else if (obj instanceof PDFName) into.push(obj.decodeText());
  else if (obj instanceof PDFDict) for (const [, v] of obj.entries()) collectStrings(v, into);
  else if (obj instanceof PDFArray) for (const v of obj.asArray()) collectStrings(v, into);
}

function decode(stream: PDFRawStream): Uint8Array | null {
  try {
    return decodePDFRawStream(stream).decode();
  } catch {
    // A filter pdf-lib cannot undo (JBIG2, JPX) holds pixels, not text.
    return null;
  }
}

function looksUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The bytes of a JPEG before its first scan (APPn and COM segments: EXIF, XMP, comments), as Latin-1. */
function jpegHeaders(jpeg: Uint8Array): string {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda) break;
    at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
  }
  return Buffer.from(jpeg.subarray(0, Math.min(at, jpeg.length))).toString('latin1');
}

/**
 * The string operands of a content stream, literal "(...)" (escapes undone) and hex "<...>", each
 * as Latin-1, joined by spaces (a value set in two pieces, "(123-45-)Tj (6789)Tj", is found as
 * pdf.js would join it). Inline image data is skipped.
 */
export function shownStrings(content: Uint8Array): string {
  const s = Buffer.from(content).toString('latin1');
  const parts: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      let depth = 1;
      let str = '';
      i++;
      while (i < s.length && depth > 0) {
        const d = s[i]!;
        if (d === '\\') {
          const e = s[i + 1] ?? '';
          const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4));
          if (oct) {
            str += String.fromCharCode(parseInt(oct[0], 8) & 0xff);
            i += 1 + oct[0].length;
            continue;
          }
          str += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? (e === '\n' || e === '\r' ? '' : e);
          i += 2;
          continue;
        }
        if (d === '(') depth++;
        if (d === ')') depth--;
        if (depth > 0) str += d;
        i++;
      }
      parts.push(str);
    } else if (c === '<' && s[i + 1] !== '<') {
      const end = s.indexOf('>', i);
      const hex = s.slice(i + 1, end < 0 ? s.length : end).replace(/[^0-9a-fA-F]/g, '');
      parts.push(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
      i = end < 0 ? s.length : end + 1;
    } else if (c === '<') {
      i += 2;
    } else if (c === 'B' && s[i + 1] === 'I' && /\s/.test(s[i + 2] ?? '') && (i === 0 || /\s/.test(s[i - 1]!))) {
      // Inline image: its data runs to "EI" and may hold any byte.
      const end = s.indexOf('EI', i + 2);
      i = end < 0 ? s.length : end + 2;
    } else {
      i++;
    }
  }
  return parts.join(' ');
}
