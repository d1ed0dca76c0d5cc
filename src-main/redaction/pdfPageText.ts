import type { RedactionBox } from '../contract/redaction';
import { openPdfJs } from '../evidence/openPdfJs';

/** A run of text on a PDF page where pdf.js places it, in points from the page's top-left. */
export interface PageTextItem {
  str: string;
  /** Offset of `str` in the page's text. */
  offset: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfPageText {
  /** 1-based. */
  page: number;
  /** The page's visible area (crop box) in points, unrotated. */
  width: number;
  height: number;
  /** Items joined as pdfToText joins them (a space between, a newline at line ends). */
  text: string;
  items: PageTextItem[];
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * The text of every page of a PDF with where each run of it sits, read with pdf.js (the text a
 * reader's search and pdftotext find). Positions are unrotated page space measured from the crop
 * box's top-left corner, the space redaction boxes of PDF pages use.
 */
export async function pdfPageText(bytes: Uint8Array): Promise<PdfPageText[]> {
  const task = await openPdfJs(bytes);
  try {
    const doc = await task.promise;
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      pages.push(await readPageText(page, number));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** One pdf.js page's text and positions (see pdfPageText). */
export async function readPageText(
  page: { view: number[]; getTextContent(): Promise<{ items: unknown[] }> },
  number: number,
): Promise<PdfPageText> {
  const [x1, , x2, y2] = page.view as [number, number, number, number];
  const y1 = page.view[1]!;
  const content = await page.getTextContent();
  let text = '';
  const items: PageTextItem[] = [];
  for (const item of content.items as TextItemLike[]) {
    const str = item.str ?? '';
    const t = item.transform ?? [1, 0, 0, 1, 0, 0];
    const h = item.height || Math.hypot(t[2]!, t[3]!) || 10;
    items.push({ str, offset: text.length, x: t[4]! - x1, y: y2 - t[5]! - h, w: item.width ?? 0, h: h * 1.25 });
    text += str + (item.hasEOL ? '\n' : ' ');
  }
  return { page: number, width: x2 - x1, height: y2 - y1, text, items };
}

/**
 * The box around characters [start, end) of a page's text: the union of the parts of the items
 * they fall in, each item's width shared evenly among its characters (pdf.js gives no per-glyph
 * positions), widened by a character either side so proportional fonts are covered.
 */
export function boxOfSpan(page: PdfPageText, start: number, end: number): RedactionBox | null {
  let box: { x1: number; y1: number; x2: number; y2: number } | null = null;
  for (const item of page.items) {
    const a = Math.max(start, item.offset);
    const b = Math.min(end, item.offset + item.str.length);
    if (a >= b || item.str.length === 0) continue;
    const per = item.w / item.str.length;
    const x1 = item.x + per * (a - item.offset - 1);
    const x2 = item.x + per * (b - item.offset + 1);
    const part = { x1: Math.max(item.x - per * 0.5, x1), y1: item.y, x2: Math.min(item.x + item.w + per * 0.5, x2), y2: item.y + item.h };
    box = box ? { x1: Math.min(box.x1, part.x1), y1: Math.min(box.y1, part.y1), x2: Math.max(box.x2, part.x2), y2: Math.max(box.y2, part.y2) } : part;
  }
  return box && { x: round(box.x1), y: round(box.y1), w: round(box.x2 - box.x1), h: round(box.y2 - box.y1) };
}

const round = (n: number) => Math.round(n * 100) / 100;
