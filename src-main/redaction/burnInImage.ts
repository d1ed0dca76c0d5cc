import type { RedactedBox } from './ExhibitRedactions';
import { paintRedactionBox } from './paintRedactionBox';

/**
 * An image exhibit with its redaction boxes burnt into the pixels, as a new PNG: nothing under a
 * box survives (no layer, no metadata: the PNG is encoded afresh from the pixels, so EXIF and text
 * chunks of the original are gone too). Boxes are in pixels from the top-left of the image as it
 * is seen: a photo turned by its EXIF orientation is decoded upright (the canvas applies it, as
 * the review view's browser does) and written upright, so the packet draws it as the sealed set does.
 */
export async function burnInImage(bytes: Uint8Array, boxes: readonly RedactedBox[]): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const g = canvas.getContext('2d');
  g.drawImage(image, 0, 0);
  for (const b of boxes) if (b.page === 1) paintRedactionBox(g, b.box.x, b.box.y, b.box.w, b.box.h, b.label, b.kept);
  return new Uint8Array(canvas.toBuffer('image/png'));
}
