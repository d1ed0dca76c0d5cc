import type { PDFDocument, PDFImage } from 'pdf-lib';
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
      // A copy with its own ArrayBuffer: pdf-lib's JPEG reader reads `bytes.buffer` from offset 0,
      // and a small Buffer is a view into Node's shared pool ("SOI not found in JPEG").
      const bytes = new Uint8Array(op.bytes);
      const image = op.format === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
      // Written now, not at save: the volume writer streams objects out as pages are flushed.
      await image.embed();
      images.set(op.key, image);
    }
  }
  return images;
}
