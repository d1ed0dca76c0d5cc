import { degrees, type PDFPage, rgb } from 'pdf-lib';
import type { EmbeddedFonts, FontMetricsSet } from '../fonts/packetFonts';
import { visibleText } from './visibleText';

/** Where the Bates number sits on every page: bottom right, in the footer band. */
export const STAMP_INSET_X = 36;
export const STAMP_BASELINE_Y = 22;
/** Height of the band at the bottom of each page that page content never enters. */
export const FOOTER_BAND = 44;

/**
 * Stamps the Bates number (bottom right, the same place on every page) and an optional left
 * footer (e.g. "Exhibit 3 · page 2 of 7") in small grey sans type, clear of page content.
 */
export function stampPage(page: PDFPage, fonts: EmbeddedFonts, metrics: FontMetricsSet, stamp: { bates: string; left?: string; draft?: boolean; legend?: string | undefined }): void {
  const { width, height } = page.getSize();
  if (stamp.draft) {
    // Across the page, light and behind nothing a reader needs: a draft must not pass for the filed copy.
    const size = Math.min(width, height) / 4.2;
    const w = metrics.sansBold.widthOf('DRAFT', size);
    const angle = Math.atan2(height, width);
    page.drawText('DRAFT', {
      x: width / 2 - (Math.cos(angle) * w) / 2 + (Math.sin(angle) * size) / 3,
      y: height / 2 - (Math.sin(angle) * w) / 2 - (Math.cos(angle) * size) / 3,
      size,
      font: fonts.sansBold,
      color: rgb(0.8, 0.1, 0.1),
      opacity: 0.18,
      rotate: degrees((angle * 180) / Math.PI),
    });
    // Also upright at the top: text tools (pdftotext, a clerk's search) skip diagonal text.
    const note = 'DRAFT - NOT FOR FILING';
    page.drawText(note, { x: (width - metrics.sansBold.widthOf(note, 9)) / 2, y: height - 20, size: 9, font: fonts.sansBold, color: rgb(0.75, 0.1, 0.1) });
  }
  const size = 8;
  const bates = visibleText(stamp.bates, metrics.sansBold).text;
  const w = metrics.sansBold.widthOf(bates, size);
  page.drawText(bates, { x: width - STAMP_INSET_X - w, y: STAMP_BASELINE_Y, size, font: fonts.sansBold, color: rgb(0.15, 0.15, 0.15) });
  if (stamp.legend) {
    // Above the Bates number, still inside the footer band that page content never enters.
    const legend = visibleText(stamp.legend, metrics.sansBold).text;
    page.drawText(legend, { x: width - STAMP_INSET_X - metrics.sansBold.widthOf(legend, 9), y: STAMP_BASELINE_Y + 11, size: 9, font: fonts.sansBold, color: rgb(0.6, 0, 0) });
  }
  if (stamp.left) {
    const left = visibleText(stamp.left, metrics.sans).text;
    const room = width - 2 * STAMP_INSET_X - w - 24;
    let text = left;
    // A very long label is shortened rather than running under the Bates number.
    while (text.length > 1 && metrics.sans.widthOf(text, 7) > room) text = `${text.slice(0, -2)}…`;
    page.drawText(text, { x: STAMP_INSET_X, y: STAMP_BASELINE_Y, size: 7, font: fonts.sans, color: rgb(0.42, 0.42, 0.42) });
  }
}
