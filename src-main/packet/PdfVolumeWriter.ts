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
import { type EmbeddedFonts, embedPacketFonts, type FontBytes } from '../fonts/packetFonts';

/** A run of body pages planned to go into one file (see `planParts`): pages [start, end). */
export interface PagePart {
  start: number;
  end: number;
  /** Bytes the run's objects take in a file (objects its pages share counted once). */
  bytes: number;
  /** False for a run that does not fit although it holds the fewest pages a run may: a page too large by itself. */
  fits: boolean;
}

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
    /** Null for a writer that only measures (packet check): nothing is written anywhere. */
    private readonly file: fs.FileHandle | null,
    readonly doc: PDFDocument,
    readonly fonts: EmbeddedFonts,
    private readonly pagesRef: PDFRef,
  ) {}

  /** Creates the file (which must not exist) and writes the PDF header; with `path` null, a writer that only measures. */
  static async create(path: string | null, fontBytes: FontBytes): Promise<PdfVolumeWriter> {
    // updateMetadata:false keeps pdf-lib from stamping "now" into the Info dictionary.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const fonts = await embedPacketFonts(doc, fontBytes);
    const pagesRef = doc.catalog.get(PDFName.of('Pages'));
    if (!(pagesRef instanceof PDFRef)) throw new Error('pdf-lib catalog has no page tree reference');
    const file = path === null ? null : await fs.open(path, 'wx', 0o600);
    const writer = new PdfVolumeWriter(path ?? '', file, doc, fonts, pagesRef);
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

  /**
   * Plans how the body pages from `from` on are split into runs, each to be a file of its own:
   * a run takes pages while `fits(bytes)` says its objects still fit, counting what its pages
   * share (fonts, images) once per run, as each file will hold its own copy. The first `keep`
   * pages stay together (an exhibit's slip sheet with its first page). Measured on the objects as
   * they will be written, not on the source's size.
   */
  planParts(from: number, fits: (bytes: number) => boolean, keep = 1): PagePart[] {
    const parts: PagePart[] = [];
    let seen = new Set<number>();
    for (let index = from; index < this.bodyPages.length; index++) {
      const page = this.bodyPages[index] as PDFRef;
      let added = this.newObjectsBytes(page, seen);
      let part = parts[parts.length - 1];
      if (!part || (index >= from + keep && !fits(part.bytes + added.bytes))) {
        seen = new Set();
        added = this.newObjectsBytes(page, seen);
        part = { start: index, end: index, bytes: 0, fits: true };
        parts.push(part);
      }
      for (const n of added.numbers) seen.add(n);
      part.end = index + 1;
      part.bytes += added.bytes;
    }
    for (const part of parts) part.fits = fits(part.bytes);
    return parts;
  }

  /**
   * Keeps only the body pages [from, to) (none of them written yet) and writes them; every object
   * made since `since` that they do not use is dropped unwritten (the other parts of a split
   * exhibit, which go into files of their own).
   */
  async keepBodyPages(from: number, to: number, since: WriterCheckpoint): Promise<void> {
    if (from < since.bodyPages || this.bodyPages.slice(since.bodyPages).some((ref) => this.offsets.has(ref.objectNumber))) {
      throw new Error('keepBodyPages: pages before the checkpoint, or already written, cannot be dropped');
    }
    const kept = [...this.bodyPages.slice(0, since.bodyPages), ...this.bodyPages.slice(from, to)];
    this.bodyPages.length = 0;
    this.bodyPages.push(...kept);
    this.bodyNodes.length = Math.ceil(kept.length / PAGE_TREE_FANOUT);
    // Each page names its page-tree node, which depends on its position.
    kept.forEach((ref, i) => {
      if (i >= since.bodyPages) this.doc.context.lookup(ref, PDFDict).set(PDFName.of('Parent'), this.bodyNodes[Math.floor(i / PAGE_TREE_FANOUT)] as PDFRef);
    });
    await this.flush();
    for (const [ref] of this.doc.context.enumerateIndirectObjects()) {
      if (ref.objectNumber > since.objectNumber && !this.isTreeNode(ref) && !this.held.has(ref)) this.doc.context.delete(ref);
    }
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
    await this.file?.sync();
    await this.file?.close();
    return { bytes: this.offset, sha256: this.fileHash.digest('hex'), pages: this.pageCount };
  }

  /** Closes and deletes the unfinished file (cancel or failure). */
  async discard(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.file?.close().catch(() => undefined);
    }
    if (this.file) await fs.rm(this.path, { force: true });
  }

  /** Pending objects reachable from `page` that are not among `seen` (object numbers), and their bytes in a file. */
  private newObjectsBytes(page: PDFRef, seen: Set<number>): { numbers: number[]; bytes: number } {
    const numbers: number[] = [];
    let bytes = 0;
    const stack = [page];
    const found = new Set<number>();
    while (stack.length > 0) {
      const ref = stack.pop() as PDFRef;
      const n = ref.objectNumber;
      if (seen.has(n) || found.has(n) || this.offsets.has(n) || ref === this.pagesRef || this.isTreeNode(ref)) continue;
      const obj = this.doc.context.lookup(ref);
      if (obj === undefined) continue;
      found.add(n);
      numbers.push(n);
      bytes += indirectObjectSize(ref, obj) + 20;
      collectRefs(obj, stack);
    }
    return { numbers, bytes };
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
    while (this.file && done < bytes.length) {
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
