import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, type PDFPage, PDFRawStream, PDFStream } from 'pdf-lib';
import { declaresEncryption } from './declaresEncryption';
import { NotRenderable } from './PreparedExhibit';
import { substituteStandardFonts } from './substituteStandardFonts';

export interface EvidencePdf {
  doc: PDFDocument;
  pages: PDFPage[];
  /** The document's XMP metadata declares PDF/A (pdfaid:part) and its pages use only embedded fonts. */
  claimsPdfA: boolean;
  /** Standard fonts replaced by embedded Liberation faces ("Helvetica → Liberation Sans"), when asked for. */
  substitutedFonts: string[];
}

const ENCRYPTED = 'The PDF is encrypted, so its pages cannot be reproduced.';

/**
 * Parses a PDF exhibit strictly: encrypted, damaged or page-less files throw `NotRenderable`
 * with a reason fit for a slip sheet, rather than producing pages that might be wrong.
 */
export async function loadEvidencePdf(bytes: Uint8Array, opts: { substituteFonts?: boolean; fontDir?: string } = {}): Promise<EvidencePdf> {
  // Read from the trailer before parsing: an encrypted file with object streams fails pdf-lib's
  // parse (it cannot decrypt them) and must not be called damaged. Not "password-protected":
  // whether opening it needs a password (an empty user password does not) is not checked.
  if (declaresEncryption(bytes)) throw new NotRenderable(ENCRYPTED);
  let doc: PDFDocument;
  try {
    // pdf-lib's error classes do not survive its ES5 build (instanceof fails), so encryption is
    // read from the loaded document instead of recognised from the error.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true });
  } catch (err) {
    throw new NotRenderable('The file could not be read as a PDF: it is damaged or incomplete.', shortMessage(err));
  }
  if (doc.isEncrypted) throw new NotRenderable(ENCRYPTED);
  let pages: PDFPage[];
  try {
    pages = doc.getPages();
  } catch (err) {
    throw new NotRenderable('The PDF is damaged: its list of pages cannot be read.', shortMessage(err));
  }
  if (pages.length === 0) throw new NotRenderable('The PDF contains no pages.');
  const substitutedFonts = opts.substituteFonts ? substituteStandardFonts(doc, pages, opts.fontDir) : [];
  let fontsEmbedded: boolean;
  try {
    fontsEmbedded = !pages.some((p) => usesUnembeddedFont(p.node.Resources()));
  } catch {
    fontsEmbedded = false;
  }
  return { doc, pages, claimsPdfA: declaresPdfA(doc) && fontsEmbedded, substitutedFonts };
}

/**
 * A claim is not proof: a file can say PDF/A and still use fonts it does not carry (pdfkit's
 * built-in Helvetica, for one). Such a font would break our own PDF/A declaration, so the pages'
 * fonts (and those of their form XObjects) are checked for an embedded font program.
 */
function usesUnembeddedFont(resources: PDFDict | undefined, seen = new Set<PDFDict>()): boolean {
  if (!resources || seen.has(resources)) return false;
  seen.add(resources);
  const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [, value] of fonts?.entries() ?? []) {
    const font = resources.context.lookup(value);
    if (!(font instanceof PDFDict)) continue;
    const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName);
    if (subtype === PDFName.of('Type3')) continue;
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const described = descendants ? descendants.lookup(0, PDFDict) : font;
    const descriptor = described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)));
    if (!embedded) return true;
  }
  const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const [, value] of xobjects?.entries() ?? []) {
    const xobject = resources.context.lookup(value);
    if (xobject instanceof PDFStream && usesUnembeddedFont(xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), seen)) return true;
  }
  return false;
}

function declaresPdfA(doc: PDFDocument): boolean {
  try {
    const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
    if (!(metadata instanceof PDFRawStream)) return false;
    const xmp = new TextDecoder().decode(decodePDFRawStream(metadata).decode());
    return /pdfaid:part\s*(=\s*["']\s*[123]|>\s*[123])/.test(xmp);
  } catch {
    return false;
  }
}

export function shortMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').slice(0, 160);
}
