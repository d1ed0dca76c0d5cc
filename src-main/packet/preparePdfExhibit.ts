import { degrees, PDFName, type PDFPage, rgb } from 'pdf-lib';
import { type ExhibitRenderContext, newExhibitPage } from './ExhibitRenderContext';
import { activeContentNote, describeActiveContent, listActiveContent } from './listActiveContent';
import { loadEvidencePdf, shortMessage } from './loadEvidencePdf';
import { NotRenderable, plural, type PreparedExhibit } from './PreparedExhibit';
import { exhibitTopBand, type PageLayout } from './pageLayout';
import { FOOTER_BAND } from './stampPage';

/**
 * Page entries kept when an evidence page is drawn; everything else (annotations, actions, forms,
 * thumbnails) is dropped, on every page of every PDF exhibit, redacted or not, and so are the
 * document's information, XMP, outline and attachments (a page is drawn as a form XObject of its
 * content). Why not keep annotations on pages without redactions: a filing reproduces the page
 * as printed, and comments, form values and attachments are text counsel never reviewed (the
 * Rule 5.2 scan reads page text), so a victim's SSN in a sticky note would reach the public
 * record unredacted; interactive content (links, JavaScript) does not belong in a court filing
 * either. The slip sheet counts what was left out (listActiveContent) and the native file keeps
 * it. Cost: a stamp or highlight drawn as an annotation is not in the reproduced page. What is
 * carried (content streams and their resources, painted or not) is searched by the leak check.
 */
const KEPT_PAGE_KEYS = new Set(['Type', 'Parent', 'Contents', 'Resources', 'MediaBox', 'CropBox', 'Rotate']);

/** Margin beside and below evidence pages; small so the page is shrunk as little as possible (above it: the court's header zone). */
const EVIDENCE_MARGIN = 36;

/**
 * Reads a PDF exhibit and turns each page into a form XObject in the packet. Drawing evidence as
 * an XObject (not copying the page object) keeps its text searchable while leaving behind
 * everything that is not page content: links, JavaScript actions, form fields, attachments. Each
 * page is scaled (never enlarged) to fit above the Bates footer band, its rotation honoured.
 * Encrypted, damaged or empty PDFs are `NotRenderable`, which becomes a slip sheet.
 */
export async function preparePdfExhibit(ctx: ExhibitRenderContext, bytes: Uint8Array): Promise<PreparedExhibit> {
  try {
    return await prepare(ctx, bytes);
  } catch (err) {
    // A damaged file can make the parser throw anywhere; it becomes a slip sheet, never a failed export.
    if (err instanceof NotRenderable) throw err;
    throw new NotRenderable('The PDF could not be read: it is damaged or uses features that cannot be reproduced.', shortMessage(err));
  }
}

async function prepare(ctx: ExhibitRenderContext, bytes: Uint8Array): Promise<PreparedExhibit> {
  // A profile that requires PDF/A gets the standard fonts an exhibit leaves out embedded (Liberation stand-ins).
  const { doc: src, pages, claimsPdfA, substitutedFonts } = await loadEvidencePdf(bytes, { substituteFonts: ctx.pdfAPolicy === 'required', ...(ctx.fontDir ? { fontDir: ctx.fontDir } : {}) });
  // Counted before anything is dropped, so the slip sheet can say what the packet's copy lacks.
  const active = listActiveContent(src);
  const removed = describeActiveContent(active);
  if (ctx.pdfAPolicy === 'required' && !claimsPdfA) {
    throw new NotRenderable('The PDF does not declare PDF/A conformance (or uses fonts it does not embed), which this court profile requires for reproduced pages.');
  }
  const geometry = pages.map((p) => {
    for (const key of p.node.keys()) if (!KEPT_PAGE_KEYS.has(key.decodeText())) p.node.delete(key);
    if (!p.node.get(PDFName.of('Contents'))) p.node.set(PDFName.of('Contents'), src.context.register(src.context.stream('')));
    const box = p.getCropBox();
    if (!(box.width > 0 && box.height > 0)) throw new NotRenderable('A page of the PDF has no visible area (empty page box).');
    const angle = ((p.getRotation().angle % 360) + 360) % 360;
    if (angle % 90 !== 0) throw new NotRenderable('A page of the PDF has an invalid rotation.');
    return { box, angle: angle as 0 | 90 | 180 | 270 };
  });
  const embedded = await ctx.writer.doc.embedPages(
    pages,
    geometry.map(({ box }) => ({ left: box.x, bottom: box.y, right: box.x + box.width, top: box.y + box.height })),
  );
  for (const e of embedded) await e.embed();
  const total = pages.length + 1;
  return {
    rendering: 'pdf',
    contentPages: pages.length,
    presentedAs: `PDF, ${plural(pages.length, 'page')}${substitutedFonts.length > 0 ? `; fonts it did not embed are embedded as metric-compatible stand-ins (${substitutedFonts.join(', ')})` : ''}${removed.length > 0 ? ', active content removed (see below)' : ''}`,
    ...(removed.length > 0 ? { removed, removedNote: activeContentNote(active) } : {}),
    ...(claimsPdfA ? {} : { blocksPdfA: 'it does not declare PDF/A conformance or uses fonts it does not embed' }),
    draw: () => {
      embedded.forEach((e, i) => {
        const { box, angle } = geometry[i] as (typeof geometry)[number];
        const turned = angle === 90 || angle === 270;
        const landscape = (turned ? box.height : box.width) > (turned ? box.width : box.height);
        drawEvidencePage(newExhibitPage(ctx, i + 1, total, landscape), ctx.layout, e, box.width, box.height, angle);
      });
    },
  };
}

function drawEvidencePage(
  page: PDFPage,
  layout: PageLayout,
  embedded: Parameters<PDFPage['drawPage']>[0],
  w: number,
  h: number,
  angle: 0 | 90 | 180 | 270,
): void {
  const { width: pw, height: ph } = page.getSize();
  const areaW = pw - 2 * EVIDENCE_MARGIN;
  const areaTop = ph - exhibitTopBand(layout);
  const areaH = areaTop - (FOOTER_BAND + 4);
  const turned = angle === 90 || angle === 270;
  const dw = turned ? h : w;
  const dh = turned ? w : h;
  const s = Math.min(1, areaW / dw, areaH / dh);
  // Centred across, top-aligned like a page in a binder.
  const x = EVIDENCE_MARGIN + (areaW - dw * s) / 2;
  const y = areaTop - dh * s;
  const place = {
    0: { x, y, rotate: degrees(0) },
    90: { x, y: y + dh * s, rotate: degrees(-90) },
    180: { x: x + dw * s, y: y + dh * s, rotate: degrees(180) },
    270: { x: x + dw * s, y, rotate: degrees(90) },
  }[angle];
  page.drawPage(embedded, { ...place, xScale: s, yScale: s });
  page.drawRectangle({ x, y, width: dw * s, height: dh * s, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
}
