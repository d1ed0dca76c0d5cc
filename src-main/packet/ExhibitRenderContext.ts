import type { PDFPage } from 'pdf-lib';
import { formatBates } from './formatBates';
import type { PageGeometry } from './LayoutFlow';
import type { PageLayout } from './pageLayout';
import type { BatesOptions, ExhibitInput } from './PacketInput';
import type { FontMetricsSet } from '../fonts/packetFonts';
import type { PdfVolumeWriter } from './PdfVolumeWriter';
import { stampPage } from './stampPage';

/** Everything an exhibit renderer needs to add pages to the current volume. */
export interface ExhibitRenderContext {
  writer: PdfVolumeWriter;
  metrics: FontMetricsSet;
  pageSize: readonly [number, number];
  /** The profile's margins and header zone (pageLayoutOf). */
  layout: PageLayout;
  bates: BatesOptions;
  /** Bates number of the exhibit's first page (its slip sheet). */
  firstBates: number;
  exhibit: ExhibitInput;
  pdfAPolicy: 'required' | 'preferred';
  textPageCap: number;
  /** Font folder, when not the default (see loadPacketFonts). */
  fontDir?: string;
  /** ECF: the exhibit is filed in parts and these pages are drawn for part `index` of `count` (page footers and slip sheet say so). */
  part?: { index: number; count: number };
}

/**
 * Margins of generated pages (cover, tables, slip sheets): the profile's (one inch unless it says
 * otherwise), and never less at the top than the court's header zone.
 */
export function generatedPageGeometry(pageSize: readonly [number, number], layout: PageLayout): PageGeometry {
  const { margins, headerZone } = layout;
  return { width: pageSize[0], height: pageSize[1], marginTop: Math.max(margins.top, headerZone), marginBottom: margins.bottom, marginLeft: margins.left, marginRight: margins.right };
}

/**
 * Adds the exhibit's page `index` (0 = slip sheet) of `total` (slip sheet included), stamped with
 * its Bates number and, in the footer, "Exhibit N · slip sheet" or "Exhibit N · page i of n" where
 * i and n count the exhibit's own pages, as they are cited ("Ex. 3 at 2").
 */
export function newExhibitPage(ctx: ExhibitRenderContext, index: number, total: number, landscape = false): PDFPage {
  // Landscape evidence goes on a landscape page (larger, easier to read); the Bates number stays
  // bottom right as the page is read.
  const [w, h] = landscape ? [ctx.pageSize[1], ctx.pageSize[0]] : ctx.pageSize;
  const page = ctx.writer.newPage(w, h);
  stampPage(page, ctx.writer.fonts, ctx.metrics, {
    bates: formatBates(ctx.bates, ctx.firstBates + index),
    left: `${ctx.exhibit.label}${ctx.part ? ` (Part ${ctx.part.index} of ${ctx.part.count})` : ''} · ${index === 0 ? 'slip sheet' : `page ${index} of ${total - 1}`}`,
    draft: ctx.bates.draft === true,
    legend: ctx.bates.legend,
  });
  return page;
}
