import { decodeText } from '../evidence/decodeText';
import { isMbox, readEmail, splitMbox } from '../evidence/readEmail';
import { exhibitForm } from './exhibitForm';
import { pdfOffPageText } from './pdfOffPageText';
import { type PdfPageText, pdfPageText } from './pdfPageText';

/** Text of an exhibit to look for identifiers in: one entry per PDF page, one for a text exhibit. */
export type ExhibitScanText =
  | { kind: 'text'; parts: { page: null; text: string }[] }
  | {
      kind: 'pdf';
      /** Each page's visible text, then (as a part of its own, with no positions) any text the page carries outside its crop box. */
      parts: { page: number; text: string; pdf: PdfPageText }[];
      pageCount: number;
      /** Pages with no text at all (scanned images): nothing on them could be read. */
      pagesWithoutText: number[];
    }
  | { kind: 'none'; reason: string };

/**
 * The text the packet prints of an exhibit, for the detectors: a text file decoded as the packet
 * decodes it; an e-mail both as stored (headers, encoded parts) and as a mail client shows it
 * (decoded subject, body); a PDF's text layer page by page with positions, and the text its pages
 * carry outside their crop box (pdfOffPageText). Images carry no text
 * (boxes on them are added by hand), other files are produced natively and not reproduced.
 */
export async function exhibitScanText(bytes: Uint8Array, mediaType: string): Promise<ExhibitScanText> {
  const kind = exhibitForm(bytes, mediaType);
  if (kind === 'pdf') {
    try {
      const pages = await pdfPageText(bytes);
      const offPage = await pdfOffPageText(bytes);
      const parts: { page: number; text: string; pdf: PdfPageText }[] = pages.map((p) => ({ page: p.page, text: p.text, pdf: p }));
      // Off-page text has no place on the page to box: a candidate for it has none, and a page
      // holding an accepted value there is rasterised whole (rasterisePdfPages), which leaves it out.
      for (const [page, text] of offPage) parts.push({ page, text, pdf: { page, width: 0, height: 0, text, items: [] } });
      const pagesWithoutText = pages.filter((p) => p.text.trim() === '' && !offPage.has(p.page)).map((p) => p.page);
      return { kind: 'pdf', parts, pageCount: pages.length, pagesWithoutText };
    } catch (err) {
      return { kind: 'none', reason: `the PDF could not be read (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  if (kind === 'text') return { kind: 'text', parts: [{ page: null, text: decodeText(bytes, { mediaType }).text }] };
  if (kind === 'email') {
    const shown: string[] = [];
    for (const message of isMbox(bytes) ? splitMbox(bytes) : [bytes]) {
      const v = await readEmail(message);
      shown.push([v.from, v.to, v.cc, v.date, v.subject, v.body, v.htmlAlternative ?? '', ...v.attachments.map((a) => a.name)].join('\n'));
    }
    return { kind: 'text', parts: [{ page: null, text: `${decodeText(bytes, { mediaType }).text}\n${shown.join('\n')}` }] };
  }
  if (kind === 'image') return { kind: 'none', reason: 'an image has no text to scan: draw boxes over identifiers by hand (redact add --box)' };
  return { kind: 'none', reason: 'produced natively, not reproduced as pages' };
}
