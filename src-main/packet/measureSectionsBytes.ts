import { PDFDocument } from 'pdf-lib';
import type { LaidOutSections } from './layoutSections';
import { embedPacketFonts, type FontBytes, type FontMetricsSet } from '../fonts/packetFonts';
import { embedLayoutImages } from './embedLayoutImages';
import { paintPage } from './paintPage';

/**
 * Size in bytes of laid-out sections as a PDF of their own (fonts included): a safe estimate of
 * the room the front matter takes in volume 1, which is needed before the front matter itself
 * can be drawn (it is drawn last).
 */
export async function measureSectionsBytes(laid: LaidOutSections, fontBytes: FontBytes, pageSize: readonly [number, number], metrics: FontMetricsSet): Promise<number> {
  if (laid.pages.length === 0) return 0;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPacketFonts(doc, fontBytes);
  // Images too (a signature can be 2 MB): the estimate must not leave them out.
  const images = await embedLayoutImages(doc, laid.pages);
  for (const laidOut of laid.pages) paintPage(doc.addPage([pageSize[0], pageSize[1]]), laidOut, fonts, metrics, images);
  const bytes = await doc.save({ useObjectStreams: false });
  // Bates stamps and footers are not in the layout; allow for them.
  return bytes.length + laid.pages.length * 2048;
}
