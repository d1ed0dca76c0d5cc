import { createRequire } from 'node:module';
import path from 'node:path';
import { openPdfJs } from '../evidence/openPdfJs';
import type { PaintContext } from './paintRedactionBox';

/** A pdf.js page as far as rendering needs it. */
interface RenderablePage {
  getViewport(options: { scale: number; rotation: number }): { width: number; height: number };
  render(options: never): { promise: Promise<void> };
}

/** Where pdf.js finds the 14 standard fonts' data (rendering PDFs that do not embed them). */
export function standardFontDataUrl(): string {
  return `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
}

/** Opens a PDF with pdf.js for rendering (the standard fonts' data found). */
export function openPdfForRendering(bytes: Uint8Array) {
  return openPdfJs(bytes, { standardFontDataUrl: standardFontDataUrl() });
}

/**
 * Paints a page, unrotated (the space redaction boxes use), at `scale` pixels per point on a white
 * canvas from pdf.js's own canvas factory (its paths and images must come from the canvas module
 * it loaded), then lets `paint` draw over it; returns the PNG.
 */
export async function renderPdfPage(doc: unknown, page: RenderablePage, scale: number, paint: (g: PaintContext) => void = () => {}): Promise<Buffer> {
  const viewport = page.getViewport({ scale, rotation: 0 });
  const factory = (doc as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: PaintContext } } }).canvasFactory;
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvasContext: context, viewport, canvas } as never).promise;
  paint(context);
  return canvas.toBuffer('image/png');
}
