import type { CaseFile } from '../casefile/CaseFile';
import { DossierError } from '../contract/errors';
import type { RedactionPageImage } from '../contract/redaction';
import { readStoredBytes } from '../evidence/readEvidenceStream';
import { exhibitForm } from './exhibitForm';
import { findExhibit } from './findExhibit';
import { openPdfForRendering, renderPdfPage } from './renderPdfPage';

/** Pixels per point of the review picture: enough to place a box on a line of text. */
const REVIEW_SCALE = 1.5;

/**
 * A picture of one page of a PDF exhibit for drawing redaction boxes on, rendered here (the
 * renderer never parses evidence PDFs), with the page's size in points so a box drawn on the
 * picture is stored in the points that redact add --box takes.
 */
export async function redactionPageImage(caseFile: CaseFile, exhibit: string, page: number): Promise<RedactionPageImage> {
  const e = findExhibit(caseFile, exhibit);
  if (!e.content_sha256) throw new DossierError('INVALID_REQUEST', `${e.exhibit_label} has no stored bytes.`);
  const { bytes } = readStoredBytes(caseFile.db, e.content_sha256, 256 * 1024 * 1024);
  if (exhibitForm(bytes, e.media_type) !== 'pdf') throw new DossierError('INVALID_REQUEST', `${e.exhibit_label} is not a PDF; boxes on images are drawn on the image itself.`);
  const task = await openPdfForRendering(bytes);
  try {
    const doc = await task.promise;
    if (page > doc.numPages) throw new DossierError('INVALID_REQUEST', `${e.exhibit_label} has ${doc.numPages} page(s), not ${page}.`);
    const p = await doc.getPage(page);
    const [x1, y1, x2, y2] = p.view as [number, number, number, number];
    const png = await renderPdfPage(doc, p as never, REVIEW_SCALE);
    p.cleanup();
    return { pages: doc.numPages, page, widthPoints: x2 - x1, heightPoints: y2 - y1, imageDataUrl: `data:image/png;base64,${png.toString('base64')}` };
  } finally {
    await task.destroy();
  }
}
