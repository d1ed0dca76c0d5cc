import { type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import type { LaidOutPage } from './LayoutFlow';
import { drawScriptText } from './drawScriptText';
import type { EmbeddedFonts, FontMetricsSet } from '../fonts/packetFonts';

/**
 * Draws a laid-out page onto a PDF page. Text stays text (searchable), in the embedded fonts,
 * falling back across the bundled faces for characters of other scripts (see drawScriptText).
 */
export function paintPage(page: PDFPage, laidOut: LaidOutPage, fonts: EmbeddedFonts, metrics: FontMetricsSet, images?: ReadonlyMap<string, PDFImage>): void {
  for (const op of laidOut.ops) {
    switch (op.kind) {
      case 'rect':
        page.drawRectangle({ x: op.x, y: op.y, width: op.w, height: op.h, color: rgb(...op.fill) });
        break;
      case 'line':
        page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.width, color: rgb(...op.color) });
        break;
      case 'image': {
        // Never left out quietly: a signature the layout placed must be on the page.
        const image = images?.get(op.key);
        if (!image) throw new Error(`paintPage: image ${op.key} was laid out but not embedded (embedLayoutImages)`);
        page.drawImage(image, { x: op.x, y: op.y, width: op.w, height: op.h });
        break;
      }
      case 'text':
        if (op.text !== '') drawScriptText(page, fonts, metrics, op.text, { x: op.x, y: op.y, size: op.size, font: op.font, color: op.color });
        break;
    }
  }
}
