import type { PDFDocument, PDFImage } from 'pdf-lib';
import { jpegPixelsOnly } from './jpegPixelsOnly';
import type { LaidOutPage } from './LayoutFlow';

/**
 * Embeds, once per PDF, every image the laid-out pages draw (a declaration's signature image), for
 * paintPage. Called after a writer checkpoint where the pages may be rolled back, so the image
 * objects are rolled back with them.
 */
export async function embedLayoutImages(doc: PDFDocument, pages: readonly LaidOutPage[]): Promise<Map<string, PDFImage>> {
  const images = new Map<string, PDFImage>();
  for (const page of pages) {
    for (const op of page.ops) {
      if (op.kind !== 'image' || images.has(op.key)) continue;
      // Pixels only, as for exhibit photos: a signature photographed with a phone carries EXIF (GPS
      // of where it was taken, the phone's serial) and comments, which a public filing must not
      // publish. A JPEG is embedded as stored, so its metadata segments are cut (jpegPixelsOnly,
      // which also returns a copy with its own ArrayBuffer: pdf-lib's JPEG reader reads
      // `bytes.buffer` from offset 0, "SOI not found in JPEG" for a view into Node's pool); a PNG
      // is decoded and re-encoded by pdf-lib, so its text chunks never reach the PDF. Done here,
      // at embedding, so a frozen production re-exported drops them too.
      const image = op.format === 'png' ? await doc.embedPng(new Uint8Array(op.bytes)) : await doc.embedJpg(jpegPixelsOnly(op.bytes));
      // Written now, not at save: the volume writer streams objects out as pages are flushed.
      await image.embed();
      images.set(op.key, image);
    }
  }
  return images;
}
