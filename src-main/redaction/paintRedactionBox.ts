/** The part of a 2D canvas context that painting a redaction needs (pdf.js's canvas or ours). */
export interface PaintContext {
  fillStyle: unknown;
  font: string;
  textBaseline: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { width: number };
}

/**
 * Blacks out a box (in pixels) and writes its label in white inside it, as large as fits (the
 * label is left out of boxes too small to hold it legibly; the text layer still carries it).
 */
export function paintRedactionBox(g: PaintContext, x: number, y: number, w: number, h: number, label: string): void {
  g.fillStyle = '#000000';
  g.fillRect(Math.floor(x), Math.floor(y), Math.ceil(w) + 1, Math.ceil(h) + 1);
  let size = Math.min(h * 0.6, 28);
  g.font = `${size}px sans-serif`;
  const width = g.measureText(label).width;
  if (width > w * 0.92) size = (size * w * 0.92) / width;
  if (size < 7) return;
  g.font = `${size}px sans-serif`;
  g.fillStyle = '#ffffff';
  g.textBaseline = 'middle';
  g.fillText(label, x + (w - g.measureText(label).width) / 2, y + h / 2);
}
