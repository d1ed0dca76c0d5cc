import '../fonts/fontkitRuntime';
import fontkit from '@pdf-lib/fontkit';
import {
  beginText, degrees, endText, moveText, PDFDocument, type PDFFont, type PDFName, type PDFOperator, type PDFPage, popGraphicsState, pushGraphicsState,
  setCharacterSqueeze, setFontAndSize, setTextRenderingMode, showText, TextRenderingMode,
} from 'pdf-lib';
import { FEATURES, type FontBytes, type FontMetricsSet, type FontRole, loadPacketFonts } from '../fonts/packetFonts';
import { scriptRuns } from '../fonts/scriptRuns';
import type { RedactionBox } from '../contract/redaction';
import type { ExhibitRedactions } from './ExhibitRedactions';
import { paintRedactionBox } from './paintRedactionBox';
import { pdfOffPageText } from './pdfOffPageText';
import { openPdfForRendering, renderPdfPage } from './renderPdfPage';
import { boxOfSpan, type PdfPageText, readPageText } from './pdfPageText';
import { replacementFor } from './redactText';
import { foldForMatching } from './foldedText';
import { valueSpans } from './valuePattern';

/** Rendering resolution of a redacted page: legible print quality at a modest size. */
const DPI = 150;

interface PageBox extends RedactionBox {
  kept: string;
  label: string;
}

/**
 * Whether a word lies under a redaction box: a third of its width or more covered. Boxes are
 * widened by a character either side (boxOfSpan), so a neighbouring word they graze stays.
 */
function covered(word: RedactionBox, box: RedactionBox): boolean {
  const across = Math.min(word.x + word.w, box.x + box.w) - Math.max(word.x, box.x);
  const down = Math.min(word.y + word.h, box.y + box.h) - Math.max(word.y, box.y);
  return down > 0 && across >= Math.max(0.01, word.w / 3);
}

/**
 * Adds a value's box to the page's boxes, or widens the box already there for the same place: a
 * scanned candidate carries the box of the value it found, and the value is found again in the
 * text, so one SSN would count (and print its label) twice. Same place: half of the smaller box
 * or more lies in the other.
 */
function addPlace(boxes: PageBox[], box: PageBox): void {
  const same = boxes.find((b) => {
    const across = Math.min(b.x + b.w, box.x + box.w) - Math.max(b.x, box.x);
    const down = Math.min(b.y + b.h, box.y + box.h) - Math.max(b.y, box.y);
    return across > 0 && down > 0 && across * down >= 0.5 * Math.min(b.w * b.h, box.w * box.h);
  });
  if (!same) {
    boxes.push(box);
    return;
  }
  const x2 = Math.max(same.x + same.w, box.x + box.w);
  const y2 = Math.max(same.y + same.h, box.y + box.h);
  same.x = Math.min(same.x, box.x);
  same.y = Math.min(same.y, box.y);
  same.w = x2 - same.x;
  same.h = y2 - same.y;
}

/** The boxes to burn into a page: drawn by hand on it, and around every accepted value its text holds. */
function boxesOnPage(text: PdfPageText, redactions: ExhibitRedactions): PageBox[] {
  const boxes: PageBox[] = redactions.boxes.filter((b) => b.page === text.page).map((b) => ({ ...b.box, kept: b.kept, label: b.label }));
  const folded = foldForMatching(text.text);
  for (const v of redactions.values) {
    for (const span of valueSpans(folded, v.value)) {
      const box = boxOfSpan(text, span.start, span.end);
      if (box) addPlace(boxes, { ...box, kept: v.kept, label: v.label });
    }
  }
  return boxes;
}

/**
 * The faces of the rebuilt text layer: the packet's bundled Unicode fonts (Noto Sans first, then
 * CJK, Arabic... as the packet itself falls back), each embedded as a subset the first time a
 * page needs it, and its resource name on each page. A standard WinAnsi font would leave every
 * Cyrillic, Greek or CJK word of a redacted page unsearchable.
 */
class TextLayerFonts {
  private readonly embedded = new Map<FontRole, PDFFont>();
  private readonly keys = new Map<PDFPage, Map<FontRole, PDFName>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly bytes: FontBytes,
    readonly metrics: FontMetricsSet,
  ) {}

  async font(role: FontRole): Promise<PDFFont> {
    let font = this.embedded.get(role);
    if (!font) {
      font = await this.doc.embedFont(this.bytes[role], { subset: true, features: FEATURES });
      this.embedded.set(role, font);
    }
    return font;
  }

  key(page: PDFPage, role: FontRole, font: PDFFont): PDFName {
    let keys = this.keys.get(page);
    if (!keys) this.keys.set(page, (keys = new Map()));
    let key = keys.get(role);
    if (!key) keys.set(role, (key = page.node.newFontDictionary(font.name, font.ref)));
    return key;
  }
}

/**
 * Invisible text (render mode 3) placed over the picture of the page, squeezed to the width it
 * had (0: its natural width): each run in the first bundled face that has its characters, so
 * every script stays searchable. A character no bundled face has is left out of the layer (the
 * picture still shows it).
 */
async function invisibleText(page: PDFPage, fonts: TextLayerFonts, text: string, x: number, baseline: number, size: number, width: number): Promise<void> {
  if (!text || size <= 0) return;
  const runs = scriptRuns(fonts.metrics, text, 'text', size).filter((r) => r.font !== null);
  const natural = runs.reduce((sum, r) => sum + r.width, 0);
  if (runs.length === 0 || natural <= 0) return;
  const squeeze = width > 0 ? Math.max(10, Math.min(400, (100 * width) / natural)) : 100;
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible), setCharacterSqueeze(squeeze), moveText(x, baseline)];
  for (const run of runs) {
    const font = await fonts.font(run.font!);
    ops.push(setFontAndSize(fonts.key(page, run.font!, font), size), showText(font.encodeText(run.text)));
  }
  page.pushOperators(...ops, endText(), popGraphicsState());
}

/**
 * A PDF exhibit with its redactions burnt in: every page holding a redaction is replaced by a
 * picture of itself (pdf.js rendering at 150 dpi) with the boxes blacked out in the pixels and
 * labelled, under an invisible text layer rebuilt from the page's words minus those under a box
 * (plus what the rule keeps), so the page stays searchable. The page's own content, fonts,
 * annotations, form fields, attachments and metadata are not carried over. Other pages are copied
 * as they are (the packet strips their active content as for any PDF). A page whose text outside
 * its crop box (pdfOffPageText) holds a value is replaced by its picture too, which shows only
 * the visible area. The result is a new
 * document: objects of the replaced pages are not in it at all.
 */
export async function rasterisePdfPages(bytes: Uint8Array, redactions: ExhibitRedactions, options: { fontDir?: string } = {}): Promise<{ bytes: Uint8Array; redactedPages: number[]; places: number }> {
  const task = await openPdfForRendering(bytes);
  const src = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(fontkit);
  const packetFonts = loadPacketFonts(options.fontDir);
  const fonts = new TextLayerFonts(out, packetFonts.bytes, packetFonts.metrics);
  const redactedPages: number[] = [];
  let places = 0;
  const offPage = await pdfOffPageText(bytes);
  try {
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const text = await readPageText(page, number);
      const boxes = boxesOnPage(text, redactions);
      // Text the page carries off its visible area: the picture of the page leaves it out.
      const off = offPage.get(number);
      const offPlaces = off ? redactions.values.reduce((n, v) => n + valueSpans(foldForMatching(off), v.value).length, 0) : 0;
      if (boxes.length === 0 && offPlaces === 0) {
        const [copied] = await out.copyPages(src, [number - 1]);
        out.addPage(copied!);
        page.cleanup();
        continue;
      }
      redactedPages.push(number);
      places += boxes.length + offPlaces;
      const scale = DPI / 72;
      const png = await out.embedPng(
        await renderPdfPage(doc, page as never, scale, (g) => {
          for (const b of boxes) paintRedactionBox(g, b.x * scale, b.y * scale, b.w * scale, b.h * scale, b.label, b.kept);
        }),
      );
      page.cleanup();

      const [x1, y1, x2, y2] = page.view as [number, number, number, number];
      const raster = out.addPage([x2 - x1, y2 - y1]);
      raster.setMediaBox(x1, y1, x2 - x1, y2 - y1);
      raster.setRotation(degrees(src.getPage(number - 1).getRotation().angle));
      raster.drawImage(png, { x: x1, y: y1, width: x2 - x1, height: y2 - y1 });
      for (const item of text.items) {
        const size = item.h / 1.25;
        const per = item.str.length ? item.w / item.str.length : 0;
        for (const word of item.str.matchAll(/\S+/gu)) {
          const box = { x: item.x + per * word.index, y: item.y, w: per * word[0].length, h: item.h };
          if (boxes.some((b) => covered(box, b))) continue;
          await invisibleText(raster, fonts, word[0], x1 + box.x, y2 - item.y - size, size, box.w);
        }
      }
      // A leading space keeps the kept form a word of its own where the box starts right after a word ("No. XXXX6789").
      for (const b of boxes) await invisibleText(raster, fonts, ` ${replacementFor(b.kept, b.label)}`, x1 + b.x, y2 - b.y - b.h * 0.8, Math.min(b.h * 0.6, 10), 0);
    }
  } finally {
    await task.destroy();
  }
  return { bytes: await out.save({ useObjectStreams: false }), redactedPages, places };
}
