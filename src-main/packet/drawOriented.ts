import { concatTransformationMatrix, drawObject, type PDFImage, type PDFPage, popGraphicsState, pushGraphicsState } from 'pdf-lib';

/**
 * Draws the image into the box (x, y, w, h) as displayed. The matrix maps the image's unit
 * square (stored orientation) onto the box, per EXIF orientation 1-8 (TIFF 6.0, tag 0x0112).
 */
export function drawOriented(page: PDFPage, image: PDFImage, orientation: number, x: number, y: number, w: number, h: number): void {
  const matrices: Record<number, [number, number, number, number, number, number]> = {
    1: [w, 0, 0, h, x, y],
    2: [-w, 0, 0, h, x + w, y],
    3: [-w, 0, 0, -h, x + w, y + h],
    4: [w, 0, 0, -h, x, y + h],
    5: [0, -h, -w, 0, x + w, y + h],
    6: [0, -h, w, 0, x, y + h],
    7: [0, h, w, 0, x, y],
    8: [0, h, -w, 0, x + w, y],
  };
  const m = matrices[orientation] ?? matrices[1];
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...(m as [number, number, number, number, number, number])), drawObject(name), popGraphicsState());
}
