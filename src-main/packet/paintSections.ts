import type { PDFImage, PDFRef } from 'pdf-lib';
import { formatBates } from './formatBates';
import type { LaidOutSections } from './layoutSections';
import type { BatesOptions } from './PacketInput';
import type { FontMetricsSet } from '../fonts/packetFonts';
import { paintPage } from './paintPage';
import type { PdfVolumeWriter } from './PdfVolumeWriter';
import { stampPage } from './stampPage';

/**
 * Paints laid-out sections into a volume (as front matter or at the end of the body), stamping
 * each page with its Bates number and "Case No. … · section" in the footer. Returns the ref of
 * each section's first page, for the bookmarks.
 */
export function paintSections(
  writer: PdfVolumeWriter,
  laid: LaidOutSections,
  opts: { front: boolean; firstBates: number; bates: BatesOptions; docket: string; metrics: FontMetricsSet; pageSize: readonly [number, number]; images?: ReadonlyMap<string, PDFImage> },
): PDFRef[] {
  const firstRefs: PDFRef[] = [];
  for (const s of laid.sections) {
    for (let i = 0; i < s.pageCount; i++) {
      const index = s.firstPage + i;
      const page = writer.newPage(opts.pageSize[0], opts.pageSize[1], opts.front);
      if (i === 0) firstRefs.push(page.ref);
      paintPage(page, laid.pages[index] ?? { ops: [] }, writer.fonts, opts.metrics, opts.images);
      stampPage(page, writer.fonts, opts.metrics, {
        bates: formatBates(opts.bates, opts.firstBates + index),
        left: s.section === 'cover' ? undefined : `Case No. ${opts.docket} · ${s.title}`,
        draft: opts.bates.draft === true,
        legend: opts.bates.legend,
      });
    }
  }
  return firstRefs;
}
