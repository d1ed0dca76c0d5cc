import { type PDFImage, rgb } from 'pdf-lib';
import { drawPageHeader } from './drawPageHeader';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { groupDigits } from './formatText';
import { NotRenderable, type PreparedExhibit } from './PreparedExhibit';
import { readImageInfo } from './readImageInfo';
import { FOOTER_BAND } from './stampPage';
import { prepareTiledImage } from './prepareTiledImage';
import { drawOriented } from './drawOriented';
import { jpegPixelsOnly } from './jpegPixelsOnly';

/** Above this many pixels the decoded image alone would need hundreds of MB; such files are produced natively. */
const MAX_PIXELS = 60_000_000;
const MARGIN = 36;
/** Screen pixels are drawn at 96 per inch (0.75 pt) at most; larger images are scaled down to fit. */
const POINTS_PER_PIXEL = 0.75;

/**
 * What drawOriented does for each EXIF orientation (TIFF 6.0, tag 0x0112) to show the image
 * upright, in words for the page header and slip sheet; 1 (as stored) says nothing.
 */
const TURNS: Record<number, string> = {
  2: 'mirrored left to right',
  3: 'turned 180°',
  4: 'mirrored top to bottom',
  5: 'mirrored left to right and turned 90° counter-clockwise',
  6: 'turned 90° clockwise',
  7: 'mirrored left to right and turned 90° clockwise',
  8: 'turned 90° counter-clockwise',
};

/**
 * Places a PNG or JPEG exhibit on one page, scaled to fit, turned and mirrored as its EXIF
 * orientation says (cameras and phones store pixels sideways and record the turn in EXIF).
 * JPEG data is embedded as is without its metadata segments (jpegPixelsOnly); PNG is
 * re-compressed by pdf-lib, pixels unchanged.
 */
export async function prepareImageExhibit(ctx: ExhibitRenderContext, bytes: Uint8Array): Promise<PreparedExhibit> {
  const info = readImageInfo(bytes);
  if (!info) throw new NotRenderable('The image header could not be read.');
  if (info.width * info.height > MAX_PIXELS) {
    throw new NotRenderable(`The image is ${groupDigits(info.width)} × ${groupDigits(info.height)} pixels, too large to reproduce on a page.`);
  }
  if (info.components === 4 && ctx.pdfAPolicy === 'required') {
    throw new NotRenderable('The image is a CMYK JPEG, which cannot be placed in a PDF/A file with an sRGB output intent as this court profile requires.');
  }
  let image: PDFImage;
  try {
    image = info.format === 'png' ? await ctx.writer.doc.embedPng(bytes) : await ctx.writer.doc.embedJpg(jpegPixelsOnly(bytes));
    await image.embed();
  } catch (err) {
    throw new NotRenderable('The image could not be decoded: it is damaged or in a form that cannot be reproduced.', err instanceof Error ? err.message : String(err));
  }
  const turned = info.orientation >= 5;
  const shownW = turned ? info.height : info.width;
  const shownH = turned ? info.width : info.height;
  const kind = info.format === 'png' ? 'PNG' : 'JPEG';
  // The size as shown, and how it was turned from the file's own: an examiner opening the file finds the stored size.
  const turn = TURNS[info.orientation];
  const size = `${groupDigits(shownW)} × ${groupDigits(shownH)} pixels${turn ? `, ${turn} per its EXIF orientation${turned ? `; stored ${groupDigits(info.width)} × ${groupDigits(info.height)}` : ''}` : ''}`;
  const header = `${ctx.exhibit.label} — ${ctx.exhibit.originalName} (${kind}, ${size})`;
  const tiled = prepareTiledImage(ctx, image, info.orientation, shownW, shownH, header);
  if (tiled) {
    return {
      rendering: 'image',
      contentPages: tiled.pages,
      presentedAs: `Image (${kind}, ${size}), ${tiled.description}`,
      ...(info.components === 4 ? { blocksPdfA: 'it is a CMYK JPEG, which needs a CMYK output intent' } : {}),
      draw: tiled.draw,
    };
  }
  return {
    rendering: 'image',
    contentPages: 1,
    presentedAs: `Image (${kind}, ${size}), 1 page`,
    ...(info.components === 4 ? { blocksPdfA: 'it is a CMYK JPEG, which needs a CMYK output intent' } : {}),
    draw: () => {
      // Wide images that would be shrunk on a portrait page get a landscape one.
      const landscape = shownW > shownH && shownW * POINTS_PER_PIXEL > ctx.pageSize[0] - 2 * MARGIN;
      const page = newExhibitPage(ctx, 1, 2, landscape);
      const top = drawPageHeader(ctx, page, header);
      const { width: pw } = page.getSize();
      const areaW = pw - 2 * MARGIN;
      const areaH = top - (FOOTER_BAND + 4);
      const s = Math.min(POINTS_PER_PIXEL, areaW / shownW, areaH / shownH);
      const w = shownW * s;
      const h = shownH * s;
      const x = MARGIN + (areaW - w) / 2;
      const y = top - h;
      drawOriented(page, image, info.orientation, x, y, w, h);
      page.drawRectangle({ x, y, width: w, height: h, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
    },
  };
}
