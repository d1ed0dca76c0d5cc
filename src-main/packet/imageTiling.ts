/**
 * How a screenshot is cut into pages. Below MIN_SCALE points per pixel the text of a screen
 * capture is too small to read: a 1280-pixel-wide screen then prints 432 pt (6 in) wide, its
 * 14-pixel text at about 4.7 pt. An image that would be drawn smaller than that to fit one page is
 * tiled instead.
 */
export const MIN_SCALE = 432 / 1280;
/** Screen pixels are drawn at 96 per inch (0.75 pt) at most. */
export const MAX_SCALE = 0.75;
/** Neighbouring tiles repeat this share of a tile (at least 24 pixels), so no line of text is lost at a cut. */
const OVERLAP_SHARE = 0.05;
/** Above this many tiles the image is produced natively: a packet of hundreds of slices helps no one. */
export const MAX_TILES = 60;

/** One tile: the pixel rectangle of the displayed (upright) image it shows. */
export interface ImageTile {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TilePlan {
  /** Points per pixel on every tile page. */
  scale: number;
  tiles: ImageTile[];
  columns: number;
  rows: number;
}

/**
 * Plans tiles for an image of `width` × `height` displayed pixels on pages whose drawing area is
 * `areaW` × `areaH` points. Returns null when the image fits on one page at MIN_SCALE or more
 * (then it is drawn whole). Tall images are cut into a column at the width of the page, wide ones
 * into a row at the height of the page; both at no less than MIN_SCALE.
 */
export function planImageTiles(width: number, height: number, areaW: number, areaH: number): TilePlan | null {
  const fit = Math.min(MAX_SCALE, areaW / width, areaH / height);
  if (fit >= MIN_SCALE || fit >= MAX_SCALE) return null;
  const tall = height / width > areaH / areaW;
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, tall ? areaW / width : areaH / height));
  const tileW = Math.floor(areaW / scale);
  const tileH = Math.floor(areaH / scale);
  const xs = cuts(width, tileW);
  const ys = cuts(height, tileH);
  const tiles: ImageTile[] = [];
  for (const y of ys) for (const x of xs) tiles.push({ x, y, width: Math.min(tileW, width - x), height: Math.min(tileH, height - y) });
  return { scale, tiles, columns: xs.length, rows: ys.length };
}

/** Start offsets of tiles of `size` pixels over `total`, overlapping, the last one ending at the edge. */
function cuts(total: number, size: number): number[] {
  if (total <= size) return [0];
  const overlap = Math.max(24, Math.round(size * OVERLAP_SHARE));
  const step = size - overlap;
  const count = Math.ceil((total - overlap) / step);
  return Array.from({ length: count }, (_, i) => Math.min(i * step, total - size));
}
