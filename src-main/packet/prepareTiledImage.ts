import { clip, endPath, type PDFImage, type PDFPage, popGraphicsState, pushGraphicsState, rectangle, rgb } from 'pdf-lib';
import { drawPageHeader } from './drawPageHeader';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { groupDigits } from './formatText';
import { MAX_SCALE, MAX_TILES, MIN_SCALE, planImageTiles, type TilePlan } from './imageTiling';
import { drawOriented } from './drawOriented';
import { NotRenderable } from './PreparedExhibit';
import { exhibitTopBand } from './pageLayout';
import { FOOTER_BAND } from './stampPage';

const MARGIN = 36;

/**
 * A screenshot too tall or too wide to read on one page (a full-page capture of a website) is
 * tiled: a first page shows the whole image small with each tile outlined and numbered, then
 * each tile gets a page at a legible scale (at least MIN_SCALE points per pixel), neighbouring
 * tiles overlapping, labelled "part 2 of 5" with the pixel rows and columns it shows. Returns
 * null when the image is readable on one page.
 */
export function prepareTiledImage(
  ctx: ExhibitRenderContext,
  image: PDFImage,
  orientation: number,
  width: number,
  height: number,
  header: string,
): { pages: number; description: string; draw: () => void } | null {
  const landscape = width > height;
  const [pw, ph] = landscape ? [ctx.pageSize[1], ctx.pageSize[0]] : ctx.pageSize;
  const areaW = pw - 2 * MARGIN;
  // The band drawPageHeader takes at the top of a page: the header zone and the header line.
  const areaH = ph - (exhibitTopBand(ctx.layout) + 10) - (FOOTER_BAND + 4);
  const plan = planImageTiles(width, height, areaW, areaH);
  if (!plan) return null;
  if (plan.tiles.length > MAX_TILES) {
    throw new NotRenderable(`The image is ${groupDigits(width)} × ${groupDigits(height)} pixels; legible tiles would take ${plan.tiles.length} pages, more than ${MAX_TILES}.`);
  }
  const n = plan.tiles.length;
  const total = n + 2;
  return {
    pages: n + 1,
    // Screen size is MAX_SCALE (one CSS pixel, 1/96 in, is 0.75 pt), so the percentage is the
    // scale's share of it; the two figures below must always state the same scale.
    description: `${n + 1} pages: an overview, then ${n} tiles at ${Math.round((plan.scale / MAX_SCALE) * 100)}% of screen size (${plan.scale.toFixed(2)} pt per pixel, at least ${MIN_SCALE.toFixed(2)}), overlapping`,
    draw: () => {
      drawOverview(ctx, image, orientation, width, height, plan, header, landscape, total);
      plan.tiles.forEach((tile, i) => {
        const page = newExhibitPage(ctx, i + 2, total, landscape);
        const span = `pixels ${groupDigits(tile.x)}–${groupDigits(tile.x + tile.width)} across, ${groupDigits(tile.y)}–${groupDigits(tile.y + tile.height)} down`;
        const top = drawPageHeader(ctx, page, `${header} — part ${i + 1} of ${n} (${span})`);
        const s = plan.scale;
        const w = tile.width * s;
        const h = tile.height * s;
        // Clip to the tile and draw the whole image shifted so the tile's corner is at the area's.
        page.pushOperators(pushGraphicsState(), rectangle(MARGIN, top - h, w, h), clip(), endPath());
        drawOriented(page, image, orientation, MARGIN - tile.x * s, top + tile.y * s - height * s, width * s, height * s);
        page.pushOperators(popGraphicsState());
        page.drawRectangle({ x: MARGIN, y: top - h, width: w, height: h, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
      });
    },
  };
}

/** The whole image fitted to the page, each tile outlined and numbered where it sits. */
function drawOverview(ctx: ExhibitRenderContext, image: PDFImage, orientation: number, width: number, height: number, plan: TilePlan, header: string, landscape: boolean, total: number): void {
  const page: PDFPage = newExhibitPage(ctx, 1, total, landscape);
  const { width: pw } = page.getSize();
  const top = drawPageHeader(ctx, page, `${header} — overview: where each of the ${plan.tiles.length} parts sits`);
  const areaW = pw - 2 * MARGIN;
  const areaH = top - (FOOTER_BAND + 4);
  const s = Math.min(areaW / width, areaH / height);
  const x0 = MARGIN + (areaW - width * s) / 2;
  const y0 = top - height * s;
  drawOriented(page, image, orientation, x0, y0, width * s, height * s);
  page.drawRectangle({ x: x0, y: y0, width: width * s, height: height * s, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
  plan.tiles.forEach((tile, i) => {
    const x = x0 + tile.x * s;
    const y = top - (tile.y + tile.height) * s;
    page.drawRectangle({ x, y, width: tile.width * s, height: tile.height * s, borderColor: rgb(0.85, 0.1, 0.1), borderWidth: 0.8 });
    const label = String(i + 1);
    const size = 8;
    const lw = ctx.metrics.sansBold.widthOf(label, size) + 4;
    page.drawRectangle({ x: x + 1, y: y + tile.height * s - size - 3, width: lw, height: size + 2, color: rgb(0.85, 0.1, 0.1) });
    page.drawText(label, { x: x + 3, y: y + tile.height * s - size - 1, size, font: ctx.writer.fonts.sansBold, color: rgb(1, 1, 1) });
  });
}
