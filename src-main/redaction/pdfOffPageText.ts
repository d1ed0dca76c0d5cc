import { openPdfJs } from '../evidence/openPdfJs';

/** How far around a page text is looked for: far beyond any real page (200 inches). */
const REACH = 14_400;

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
}

/**
 * The text each page of a PDF carries outside its visible area (crop box), by 1-based page: what
 * no reader shows and pdf.js does not return for the page (it leaves text off the page out), yet
 * the page's content still holds, and a packet reproducing the page would carry. Read by opening
 * a copy whose pages reach far beyond every side and keeping the runs that lie off the original
 * page. Pages with none are left out; a file pdf-lib cannot open (encrypted) gives an empty map
 * (its pages are read as pdf.js reads them).
 */
export async function pdfOffPageText(bytes: Uint8Array): Promise<Map<number, string>> {
  const off = new Map<number, string>();
  let widened: Uint8Array;
  const views: { x1: number; y1: number; x2: number; y2: number }[] = [];
  try {
    // Loaded on use: the CLI commands that never read a PDF start without pdf-lib (cliBuild test).
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of doc.getPages()) {
      const crop = page.getCropBox();
      views.push({ x1: crop.x, y1: crop.y, x2: crop.x + crop.width, y2: crop.y + crop.height });
      page.setMediaBox(-REACH, -REACH, 2 * REACH, 2 * REACH);
      page.setCropBox(-REACH, -REACH, 2 * REACH, 2 * REACH);
    }
    widened = await doc.save({ useObjectStreams: false });
  } catch {
    return off;
  }
  const task = await openPdfJs(widened);
  try {
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number += 1) {
      const view = views[number - 1];
      if (!view) continue;
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItemLike[]) {
        const [, , , , x = 0, y = 0] = item.transform ?? [];
        // A run starting off the page (its origin outside the crop box, with a point of slack).
        if (x >= view.x1 - 1 && x <= view.x2 + 1 && y >= view.y1 - 1 && y <= view.y2 + 1) continue;
        text += `${item.str ?? ''}${item.hasEOL ? '\n' : ' '}`;
      }
      if (text.trim() !== '') off.set(number, text);
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return off;
}
