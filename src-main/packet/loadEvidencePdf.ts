import { decodePDFRawStream, EncryptedPDFError, PDFDocument, PDFName, type PDFPage, PDFRawStream } from 'pdf-lib';
import { NotRenderable } from './PreparedExhibit';

export interface EvidencePdf {
  doc: PDFDocument;
  pages: PDFPage[];
  /** The document's XMP metadata declares PDF/A (pdfaid:part). */
  claimsPdfA: boolean;
}

/**
 * Parses a PDF exhibit strictly: encrypted, damaged or page-less files throw `NotRenderable`
 * with a reason fit for a slip sheet, rather than producing pages that might be wrong.
 */
export async function loadEvidencePdf(bytes: Uint8Array): Promise<EvidencePdf> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    if (err instanceof EncryptedPDFError) {
      throw new NotRenderable('The PDF is encrypted (password-protected), so its pages cannot be reproduced.');
    }
    throw new NotRenderable(`The file could not be read as a PDF (${shortMessage(err)}).`);
  }
  let pages: PDFPage[];
  try {
    pages = doc.getPages();
  } catch (err) {
    throw new NotRenderable(`The PDF's page tree is damaged (${shortMessage(err)}).`);
  }
  if (pages.length === 0) throw new NotRenderable('The PDF contains no pages.');
  return { doc, pages, claimsPdfA: declaresPdfA(doc) };
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
