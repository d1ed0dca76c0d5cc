/** The part of a 2D canvas context that painting a redaction needs (pdf.js's canvas or ours). */
export interface PaintContext {
  fillStyle: unknown;
  font: string;
  textBaseline: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { width: number };
}

/** Smallest type size (pixels at the 150 dpi the pages are drawn at) for the label alone, and for the kept part with it. */
const LEGIBLE_PX = 7;
const COMFORTABLE_PX = 10;

/** The largest size (capped) at which `text` fits the box's width and height. */
function fittedSize(g: PaintContext, text: string, w: number, h: number): number {
  const size = Math.min(h * 0.6, 28);
  g.font = `${size}px sans-serif`;
  const width = g.measureText(text).width;
  return width > w * 0.92 ? (size * w * 0.92) / width : size;
}

/**
 * Blacks out a box (in pixels) and writes in white inside it what the public filing may show: the
 * part Rule 5.2(a) keeps ("XXXXXXXX6789") beside the label where both fit comfortably, so the page
 * reads as its text layer does; else the label alone, as large as fits; nothing in a box too small
 * to hold it legibly (the text layer still carries both).
 */
export function paintRedactionBox(g: PaintContext, x: number, y: number, w: number, h: number, label: string, kept = ''): void {
  g.fillStyle = '#000000';
  g.fillRect(Math.floor(x), Math.floor(y), Math.ceil(w) + 1, Math.ceil(h) + 1);
  const both = kept ? `${kept} ${label}` : null;
  const [text, size] = both && fittedSize(g, both, w, h) >= COMFORTABLE_PX ? [both, fittedSize(g, both, w, h)] : [label, fittedSize(g, label, w, h)];
  if (size < LEGIBLE_PX) return;
  g.font = `${size}px sans-serif`;
  g.fillStyle = '#ffffff';
  g.textBaseline = 'middle';
  g.fillText(text, x + (w - g.measureText(text).width) / 2, y + h / 2);
}
