import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs/promises';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFObject,
  PDFName,
  PDFPage,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { type EmbeddedFonts, embedPacketFonts, type FontBytes } from './packetFonts';

/** A position in the writer to roll back to (see `rollback`). */
export interface WriterCheckpoint {
  objectNumber: number;
  bodyPages: number;
  frontPages: number;
}

const enc = new TextEncoder();
const PAGE_TREE_FANOUT = 256;

/**
 * Writes one PDF volume to disk incrementally, so memory holds only the pages being built, never
 * the whole volume. pdf-lib builds objects (pages, fonts, embedded evidence); `flush()` serialises
 * every finished object reachable from new pages, appends it to the file and drops it from
 * memory. Objects nothing reaches (e.g. the raw content streams pdf-lib copies before turning an
 * evidence page into a form XObject) are never written.
 *
 * The page tree is ours, not pdf-lib's: pdf-lib's tree looks up every page object on insert,
 * which would defeat dropping them. "Front" pages (cover, contents, declaration...) are laid out
 * last, once every Bates number is known, yet come first in the page order.
 */
export class PdfVolumeWriter {
  private readonly offsets = new Map<number, number>();
  private readonly frontPages: PDFRef[] = [];
  private readonly bodyPages: PDFRef[] = [];
  /**
   * Intermediate page-tree nodes, one per PAGE_TREE_FANOUT pages: a page names its parent node
   * when it is written, so the nodes are allocated as pages are added and filled in at close.
   * (A flat list of thousands of pages is legal but slow in some readers.)
   */
  private readonly frontNodes: PDFRef[] = [];
  private readonly bodyNodes: PDFRef[] = [];
  /** Pages kept in memory to be finished at close (a volume cover that names what the volume holds). */
  private readonly held = new Set<PDFRef>();
  /** Refs that written objects point to but that are not in the context yet (fonts, embedded at close). */
  private readonly forwardRefs = new Set<PDFRef>();
  private readonly bodyHash: Hash = createHash('sha256');
  private readonly fileHash: Hash = createHash('sha256');
  private offset = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly file: fs.FileHandle,
    readonly doc: PDFDocument,
    readonly fonts: EmbeddedFonts,
    private readonly pagesRef: PDFRef,
  ) {}

  /** Creates the file (which must not exist) and writes the PDF header. */
  static async create(path: string, fontBytes: FontBytes): Promise<PdfVolumeWriter> {
    // updateMetadata:false keeps pdf-lib from stamping "now" into the Info dictionary.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const fonts = await embedPacketFonts(doc, fontBytes);
    const pagesRef = doc.catalog.get(PDFName.of('Pages'));
    if (!(pagesRef instanceof PDFRef)) throw new Error('pdf-lib catalog has no page tree reference');
    const file = await fs.open(path, 'wx', 0o600);
    const writer = new PdfVolumeWriter(path, file, doc, fonts, pagesRef);
    // The second line's high bytes mark the file as binary (required by PDF/A).
    await writer.write(new Uint8Array([...enc.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]), false);
    return writer;
  }

  get pageCount(): number {
    return this.frontPages.length + this.bodyPages.length;
  }
  get bodyPageCount(): number {
    return this.bodyPages.length;
  }
  get frontPageCount(): number {
    return this.frontPages.length;
  }
  get bytesWritten(): number {
    return this.offset;
  }

  /** The ref of the body page at `index` (0-based), e.g. for a bookmark. */
  bodyPageRef(index: number): PDFRef {
    const ref = this.bodyPages[index];
    if (!ref) throw new Error(`No body page ${index}`);
    return ref;
  }

  /** A new blank page at the end of the body, or of the front matter. */
  newPage(width: number, height: number, front = false): PDFPage {
    const page = PDFPage.create(this.doc);
    page.setSize(width, height);
    const pages = front ? this.frontPages : this.bodyPages;
    const nodes = front ? this.frontNodes : this.bodyNodes;
    if (pages.length % PAGE_TREE_FANOUT === 0) nodes.push(this.doc.context.nextRef());
    page.node.set(PDFName.of('Parent'), nodes[nodes.length - 1] as PDFRef);
    pages.push(page.ref);
    return page;
  }

  /** Keeps a page out of `flush()` until close, so it can still be drawn on. */
  holdPage(ref: PDFRef): void {
    this.held.add(ref);
  }

  checkpoint(): WriterCheckpoint {
    return {
      objectNumber: this.doc.context.largestObjectNumber,
      bodyPages: this.bodyPages.length,
      frontPages: this.frontPages.length,
    };
  }

  /** Forgets every page and object created since the checkpoint (nothing of it was written yet). */
  rollback(cp: WriterCheckpoint): void {
    for (const [ref] of this.doc.context.enumerateIndirectObjects()) {
      if (ref.objectNumber > cp.objectNumber) this.doc.context.delete(ref);
    }
    for (const ref of this.forwardRefs) if (ref.objectNumber > cp.objectNumber) this.forwardRefs.delete(ref);
    this.bodyPages.length = cp.bodyPages;
    this.frontPages.length = cp.frontPages;
    this.bodyNodes.length = Math.ceil(cp.bodyPages / PAGE_TREE_FANOUT);
    this.frontNodes.length = Math.ceil(cp.frontPages / PAGE_TREE_FANOUT);
  }

  /** Bytes that `flush()` would write now (plus their cross-reference entries). */
  pendingBytes(): number {
    let size = 0;
    for (const [ref, obj] of this.reachablePending(this.pendingPageRefs())) {
      size += indirectObjectSize(ref, obj) + 20;
    }
    return size;
  }

  /** Writes every finished object reachable from pages not yet written, then drops them from memory. */
  async flush(): Promise<void> {
    await this.writeObjects(this.reachablePending(this.pendingPageRefs()));
  }

  /**
   * Embeds the fonts, writes the page tree and the catalog additions (outline, metadata, output
   * intent) built by `finish`, the cross-reference table and trailer, and syncs the file.
   */
  async close(finish: (doc: PDFDocument) => { info: PDFRef }): Promise<{ bytes: number; sha256: string; pages: number }> {
    if (this.closed) throw new Error('PdfVolumeWriter already closed');
    this.closed = true;
    await this.flush();
    const context = this.doc.context;
    for (const font of Object.values(this.fonts)) await font.embed();
    const kids: PDFRef[] = [];
    for (const [nodes, pages] of [
      [this.frontNodes, this.frontPages],
      [this.bodyNodes, this.bodyPages],
    ] as const) {
      nodes.forEach((node, i) => {
        const chunk = pages.slice(i * PAGE_TREE_FANOUT, (i + 1) * PAGE_TREE_FANOUT);
        context.assign(node, context.obj({ Type: 'Pages', Parent: this.pagesRef, Kids: chunk, Count: chunk.length }));
        kids.push(node);
      });
    }
    context.assign(this.pagesRef, context.obj({ Type: 'Pages', Kids: kids, Count: this.pageCount }));
    const { info } = finish(this.doc);
    const catalogRef = context.trailerInfo.Root;
    if (!(catalogRef instanceof PDFRef)) throw new Error('pdf-lib document has no catalog reference');
    const roots = [catalogRef, info, ...this.forwardRefs];
    await this.writeObjects(this.reachablePending(roots, true));
    for (const ref of this.forwardRefs) {
      if (!this.offsets.has(ref.objectNumber)) throw new Error(`PDF object ${ref.objectNumber} is referenced but was never written`);
    }

    // The file identifier is derived from the content, so identical input gives identical bytes.
    const id = this.bodyHash.digest('hex').slice(0, 32).toUpperCase();
    const size = context.largestObjectNumber + 1;
    const xrefOffset = this.offset;
    const lines: string[] = [`xref\n0 ${size}\n`];
    // Numbers pdf-lib allocated but we never wrote (garbage, rollbacks) are free entries, linked
    // into the free list that starts at entry 0.
    const free: number[] = [];
    for (let n = 1; n < size; n++) if (!this.offsets.has(n)) free.push(n);
    const nextFree = new Map<number, number>();
    [0, ...free].forEach((n, i) => nextFree.set(n, free[i] ?? 0));
    for (let n = 0; n < size; n++) {
      const at = this.offsets.get(n);
      lines.push(
        at === undefined
          ? `${String(nextFree.get(n) ?? 0).padStart(10, '0')} 65535 f\r\n`
          : `${String(at).padStart(10, '0')} 00000 n\r\n`,
      );
    }
    lines.push(
      `trailer\n<< /Size ${size} /Root ${catalogRef.toString()} /Info ${info.toString()} /ID [<${id}> <${id}>] >>\n`,
      `startxref\n${xrefOffset}\n%%EOF\n`,
    );
    await this.write(enc.encode(lines.join('')), false);
    await this.file.sync();
    await this.file.close();
    return { bytes: this.offset, sha256: this.fileHash.digest('hex'), pages: this.pageCount };
  }

  /** Closes and deletes the unfinished file (cancel or failure). */
  async discard(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.file.close().catch(() => undefined);
    }
    await fs.rm(this.path, { force: true });
  }

  private isTreeNode(ref: PDFRef): boolean {
    return this.bodyNodes.includes(ref) || this.frontNodes.includes(ref);
  }

  private pendingPageRefs(): PDFRef[] {
    const context = this.doc.context;
    return [...this.frontPages, ...this.bodyPages].filter(
      (ref) => !this.held.has(ref) && context.lookup(ref) !== undefined && !this.offsets.has(ref.objectNumber),
    );
  }

  /**
   * Pending objects reachable from `roots`, in object-number order. Refs to objects not created
   * yet (fonts) are remembered so `close` writes them.
   */
  private reachablePending(roots: PDFRef[], final = false): [PDFRef, PDFObject][] {
    const context = this.doc.context;
    const found = new Map<PDFRef, PDFObject>();
    const stack = [...roots];
    while (stack.length > 0) {
      const ref = stack.pop() as PDFRef;
      if (found.has(ref) || this.offsets.has(ref.objectNumber)) continue;
      // Pages point to the page tree through /Parent; the tree is written once, at close.
      if (!final && (ref === this.pagesRef || this.isTreeNode(ref))) continue;
      const obj = context.lookup(ref);
      if (obj === undefined) {
        this.forwardRefs.add(ref);
        continue;
      }
      this.forwardRefs.delete(ref);
      found.set(ref, obj);
      collectRefs(obj, stack);
    }
    return [...found].sort((a, b) => a[0].objectNumber - b[0].objectNumber);
  }

  private async writeObjects(objects: [PDFRef, PDFObject][]): Promise<void> {
    if (objects.length === 0) return;
    for (const [, obj] of objects) {
      // pdf-lib gives every page an empty /Annots array; a packet page has no annotations at all.
      if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('Page')) {
        const annots = obj.get(PDFName.of('Annots'));
        if (annots instanceof PDFArray && annots.size() === 0) obj.delete(PDFName.of('Annots'));
      }
    }
    const total = objects.reduce((s, [ref, obj]) => s + indirectObjectSize(ref, obj), 0);
    const buffer = new Uint8Array(total);
    let at = 0;
    for (const [ref, obj] of objects) {
      this.offsets.set(ref.objectNumber, this.offset + at);
      at += copyString(`${ref.objectNumber} ${ref.generationNumber} obj\n`, buffer, at);
      at += obj.copyBytesInto(buffer, at);
      at += copyString('\nendobj\n', buffer, at);
      this.doc.context.delete(ref);
    }
    if (at !== total) throw new Error(`PDF object sizes were miscounted (${at} of ${total} bytes)`);
    await this.write(buffer, true);
  }

  private async write(bytes: Uint8Array, body: boolean): Promise<void> {
    if (body) this.bodyHash.update(bytes);
    this.fileHash.update(bytes);
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.file.write(bytes, done, bytes.length - done);
      done += bytesWritten;
    }
    this.offset += bytes.length;
  }
}

function indirectObjectSize(ref: PDFRef, obj: PDFObject): number {
  return `${ref.objectNumber} ${ref.generationNumber} obj\n`.length + obj.sizeInBytes() + '\nendobj\n'.length;
}

function copyString(s: string, buffer: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) buffer[at + i] = s.charCodeAt(i);
  return s.length;
}

function collectRefs(obj: PDFObject, into: PDFRef[]): void {
  if (obj instanceof PDFRef) into.push(obj);
  else if (obj instanceof PDFDict) for (const [, v] of obj.entries()) collectRefs(v, into);
  else if (obj instanceof PDFArray) for (const v of obj.asArray()) collectRefs(v, into);
  else if (obj instanceof PDFStream) collectRefs(obj.dict, into);
}
