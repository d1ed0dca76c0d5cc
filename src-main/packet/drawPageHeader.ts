import { type PDFPage, rgb } from 'pdf-lib';
import type { ExhibitRenderContext } from './ExhibitRenderContext';
import { exhibitTopBand } from './pageLayout';
import { visibleText } from './visibleText';

const MARGIN = 36;

/**
 * A one-line grey caption under the court's header zone (the profile's; CM/ECF stamps its own
 * header there on every page of a filed document, over whatever is printed); returns the y below
 * which content may go.
 */
export function drawPageHeader(ctx: ExhibitRenderContext, page: PDFPage, text: string): number {
  const { width, height } = page.getSize();
  const size = 8;
  let line = visibleText(text, ctx.metrics.sans).text;
  while (line.length > 1 && ctx.metrics.sans.widthOf(line, size) > width - 2 * MARGIN) line = `${line.slice(0, -2)}…`;
  const baseline = height - exhibitTopBand(ctx.layout) - 10;
  page.drawText(line, { x: MARGIN, y: baseline, size, font: ctx.writer.fonts.sans, color: rgb(0.35, 0.35, 0.35) });
  page.drawLine({ start: { x: MARGIN, y: baseline - 5 }, end: { x: width - MARGIN, y: baseline - 5 }, thickness: 0.4, color: rgb(0.6, 0.6, 0.6) });
  return baseline - 12;
}

