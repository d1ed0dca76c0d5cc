import { type PDFDocument, PDFHexString, PDFName, PDFNull, type PDFRef } from 'pdf-lib';

/** A bookmark: a title, the page it opens, and nested bookmarks. */
export interface OutlineItem {
  title: string;
  page: PDFRef;
  children?: OutlineItem[];
  /** Show the children collapsed (e.g. the list of exhibits). */
  closed?: boolean;
}

/**
 * Adds the bookmarks panel (document outline) to the catalog. pdf-lib has no outline API, so the
 * dictionaries are built as the PDF spec (12.3.3) describes: a doubly linked list per level with
 * First/Last/Prev/Next/Parent and a Count of visible descendants (negative when closed).
 */
export function buildOutline(doc: PDFDocument, items: OutlineItem[]): void {
  if (items.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const level = addLevel(doc, items, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', Count: level.visible, First: level.first, Last: level.last }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Writes one level of bookmarks under `parent`; returns its ends and how many items are visible. */
function addLevel(doc: PDFDocument, items: OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; visible: number } {
  const context = doc.context;
  const refs = items.map(() => context.nextRef());
  let visible = 0;
  items.forEach((item, i) => {
    const ref = refs[i] as PDFRef;
    const dict = context.obj({
      Title: PDFHexString.fromText(item.title),
      Parent: parent,
      Dest: [item.page, 'XYZ', PDFNull, PDFNull, PDFNull],
    });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
    const children = item.children ?? [];
    if (children.length > 0) {
      const sub = addLevel(doc, children, ref);
      dict.set(PDFName.of('First'), sub.first);
      dict.set(PDFName.of('Last'), sub.last);
      dict.set(PDFName.of('Count'), context.obj(item.closed ? -sub.visible : sub.visible));
      if (!item.closed) visible += sub.visible;
    }
    context.assign(ref, dict);
    visible += 1;
  });
  return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, visible };
}
