import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import type { PacketInput } from '../../../src-main/packet/PacketInput';
import type { PacketResult } from '../../../src-main/packet/PacketResult';
import { exhibit, makePdf, makePng, packetInput, readStats, withExifOrientation } from './packetFixtures';
import { encryptPdf, outlines, pageTexts, pdfInfo, qpdfCheck, uncompressed } from './pdfTools';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/packet');

/** A PDF carrying everything a packet must not: JavaScript, a form field, an attachment, a link. */
async function makeHostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText('Phishing kit landing page HOSTILE-MARKER', { x: 72, y: 700, size: 14 });
  doc.addJavaScript('greet', 'app.alert("hello")');
  doc.getForm().createTextField('victim.password').addToPage(page, { x: 72, y: 600, width: 200, height: 20 });
  await doc.attach(new TextEncoder().encode('payload'), 'payload.txt', { mimeType: 'text/plain' });
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'JavaScript', JS: PDFString.of('app.alert(2)') } }));
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(3)') }));
  return doc.save();
}

describe('exportPacket: a packet with every kind of exhibit', () => {
  let dir: string;
  let input: PacketInput;
  let result: PacketResult;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
    const plain = await makePdf(3, { title: 'Marketplace listing' });
    fs.writeFileSync(path.join(dir, 'plain.pdf'), plain);
    encryptPdf(path.join(dir, 'plain.pdf'), path.join(dir, 'locked.pdf'));
    const locked = new Uint8Array(fs.readFileSync(path.join(dir, 'locked.pdf')));
    const broken = plain.slice(0, Math.floor(plain.length / 3));
    const jpeg = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'top-dark.jpg')));
    const log = Array.from({ length: 120 }, (_, i) => `2025-02-01T10:${String(i % 60).padStart(2, '0')}:00Z GET /solve?id=${i} 200`).join('\n');
    const specs = [
      { label: 'Exhibit 1', title: 'Marketplace listing offering fraudulent accounts', mediaType: 'application/pdf', originalName: 'listing.pdf', bytes: plain },
      { label: 'Exhibit 2', title: 'Dashboard screenshot', mediaType: 'image/png', originalName: 'dash.png', bytes: makePng(120, 60, (_x, y) => (y < 30 ? [10, 10, 10] : [250, 250, 250])) },
      { label: 'Exhibit 3', title: 'Phone photo of seized server label', mediaType: 'image/jpeg', originalName: 'label.jpg', bytes: withExifOrientation(jpeg, 6) },
      { label: 'Exhibit 4', title: 'Access log', mediaType: 'text/plain', originalName: 'access.log', bytes: new TextEncoder().encode(log) },
      { label: 'Exhibit 5', title: 'Phishing e-mail', mediaType: 'message/rfc822', originalName: 'lure.eml', bytes: new TextEncoder().encode('From: a@example.com\nSubject: <script>alert(1)</script>\n\n<html><body onload="x()">Click</body></html>') },
      { label: 'Exhibit 6', title: 'Network capture', mediaType: 'application/vnd.tcpdump.pcap', originalName: 'c2.pcap', bytes: new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]) },
      { label: 'Exhibit 7', title: 'Password-protected invoice', mediaType: 'application/pdf', originalName: 'invoice.pdf', bytes: locked },
      { label: 'Exhibit 8', title: 'Truncated download', mediaType: 'application/pdf', originalName: 'partial.pdf', bytes: broken },
      { label: 'Exhibit 9', title: 'Phishing kit landing page', mediaType: 'application/pdf', originalName: 'kit.pdf', bytes: await makeHostilePdf() },
    ];
    input = packetInput(specs.map((s, i) => exhibit(s, i + 1)));
    file = path.join(dir, 'packet.pdf');
    readStats.maxInFlight = 0;
    result = await exportPacket(input, file);
    pages = pageTexts(file);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one sound PDF with the metadata a court reader shows', () => {
    expect(result.volumes).toHaveLength(1);
    expect(qpdfCheck(file)).toMatchObject({ status: 0 });
    expect(qpdfCheck(file).output).toContain('No syntax or stream encoding errors');
    const info = pdfInfo(file);
    expect(info.Title).toBe(input.caption.title);
    expect(info.Author).toBe('Jane Roe');
    expect(info.Subject).toContain('1:25-cv-01234');
    expect(info.Creator).toBe('Dossier');
    expect(info.Encrypted).toBe('no');
    expect(info.JavaScript).toBe('no');
    expect(info.Form).toBe('none');
    expect(Number(info.Pages)).toBe(pages.length);
    expect(result.totalPages).toBe(pages.length);
    expect(result.volumes[0]?.pages).toBe(pages.length);
    expect(fs.statSync(file).size).toBe(result.volumes[0]?.bytes);
  });

  it('stamps every page with its Bates number, in sequence, bottom right', () => {
    pages.forEach((text, i) => {
      const expected = `DOSS-${String(i + 1).padStart(6, '0')}`;
      const lines = text.trimEnd().split('\n');
      // The stamp is the last thing on the page and at the right end of its line.
      expect(lines[lines.length - 1]?.trimEnd().endsWith(expected), `page ${i + 1}`).toBe(true);
      expect(text.match(/DOSS-\d{6}/g)?.filter((m) => m === expected).length).toBeGreaterThanOrEqual(1);
    });
  });

  it('returns Bates and page ranges that match the slip sheets and pages', () => {
    for (const ex of result.exhibits) {
      const slip = pages[ex.firstPage - 1] as string;
      expect(slip).toContain(ex.label.toUpperCase());
      expect(slip).toContain(ex.batesFirstLabel);
      expect(ex.batesFirst).toBe(ex.firstPage);
      expect(ex.lastPage - ex.firstPage + 1).toBe(ex.pageCount);
      const last = pages[ex.lastPage - 1] as string;
      expect(last).toContain(ex.batesLastLabel);
      expect(last).toContain(ex.label);
      // The next page belongs to the next exhibit (or the packet ends).
      const next = pages[ex.lastPage];
      if (next) expect(next).not.toContain(`${ex.label} ·`);
    }
    expect(result.exhibits.map((e) => e.rendering)).toEqual(['pdf', 'image', 'image', 'text', 'text', 'native', 'native', 'native', 'pdf']);
  });

  it('prints in the index the Bates ranges the exhibits really have', () => {
    const index = result.sections.find((s) => s.section === 'index');
    const text = pages.slice((index?.firstPage ?? 1) - 1, index?.lastPage).join('\n');
    for (const ex of result.exhibits) {
      const row = text.split('\n').findIndex((l) => l.includes(`${ex.label} `) || l.trimEnd().endsWith(ex.label));
      expect(row, ex.label).toBeGreaterThanOrEqual(0);
      const rows = text.split('\n').slice(row, row + 3).join(' ');
      expect(rows).toContain(ex.batesFirstLabel);
      if (ex.batesLast !== ex.batesFirst) expect(rows).toContain(ex.batesLastLabel);
      else expect(rows).toContain('(1 page)');
    }
  });

  it('lists in the table of contents the pages each section and exhibit starts on', () => {
    const toc = result.sections.find((s) => s.section === 'toc');
    const lines = pages.slice((toc?.firstPage ?? 1) - 1, toc?.lastPage).join('\n').split('\n');
    const entries = lines.map((l) => /(DOSS-\d{6})\s+p\. (\d+)\s*$/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    expect(entries.length).toBe(result.sections.length - 2 + 1 + result.exhibits.length); // minus cover and toc, plus "Exhibits"
    for (const [, bates, page] of entries) {
      const text = pages[Number(page) - 1] as string;
      expect(text, `page ${page}`).toContain(bates as string);
      expect(Number((bates as string).slice(5))).toBe(Number(page));
    }
    for (const ex of result.exhibits) {
      const line = lines.find((l) => l.includes(`${ex.label} —`));
      // Long titles wrap; the numbers sit on the entry's last line.
      const at = lines.indexOf(line as string);
      const entry = lines.slice(at, at + 2).join(' ');
      expect(entry).toMatch(new RegExp(`${ex.batesFirstLabel}\\s+p\\. ${ex.firstPage}\\b`));
    }
  });

  it('prints only SHA-256 values that are the input ones', () => {
    // Besides the inputs, the slip sheet of Exhibit 9 names the file attached inside it, by hash.
    const attached = createHash('sha256').update(new TextEncoder().encode('payload')).digest('hex');
    const known = new Set([...input.exhibits.map((e) => e.sha256), ...input.auditHeads.map((h) => h.hash), input.caseFileSha256, attached]);
    const all = pages.join('\n');
    const whole = all.match(/\b[0-9a-f]{64}\b/g) ?? [];
    expect(whole.length).toBeGreaterThan(input.exhibits.length * 3);
    for (const h of whole) expect(known.has(h), h).toBe(true);
    // The index sets hashes in two halves of 32 digits; they must join to an input hash.
    const halves = all.match(/\b[0-9a-f]{32}\b/g) ?? [];
    const exhibitHashes = input.exhibits.map((e) => e.sha256);
    for (const ex of exhibitHashes) {
      expect(halves).toContain(ex.slice(0, 32));
      expect(halves).toContain(ex.slice(32));
    }
    for (const ex of input.exhibits) expect(all).toContain(ex.md5);
  });

  it('has bookmarks for every section and every exhibit, opening the right page', () => {
    const tree = outlines(file);
    const titles = tree.map((n) => n.title);
    expect(titles).toEqual(['Cover', 'Table of Contents', 'Declaration of Jane Roe', 'Index of Exhibits', 'Appendix A: Domains', 'Court Orders', 'Chain of Custody', 'Audit Chain and Case File Hash', 'Exhibits']);
    for (const s of result.sections) expect(tree.find((n) => n.title === s.title)?.destpageposfrom1).toBe(s.firstPage);
    const exhibits = tree.find((n) => n.title === 'Exhibits');
    expect(exhibits?.kids.map((k) => k.destpageposfrom1)).toEqual(result.exhibits.map((e) => e.firstPage));
    expect(exhibits?.kids[0]?.title).toBe('Exhibit 1 — Marketplace listing offering fraudulent accounts');
  });

  it('puts encrypted and damaged PDFs behind a slip sheet that says why', () => {
    const [locked, broken] = ['Exhibit 7', 'Exhibit 8'].map((label) => result.exhibits.find((e) => e.label === label));
    expect(pages[(locked?.firstPage ?? 0) - 1]).toContain('NOT REPRODUCED AS PAGES');
    expect(pages[(locked?.firstPage ?? 0) - 1]).toContain('The PDF is encrypted, so its pages cannot be reproduced');
    expect(pages[(broken?.firstPage ?? 0) - 1]).toContain('NOT REPRODUCED AS PAGES');
    expect(locked?.pageCount).toBe(1);
    expect(broken?.pageCount).toBe(1);
    expect(result.warnings.filter((w) => w.code === 'EXHIBIT_PRODUCED_NATIVELY').map((w) => w.exhibitId)).toEqual(['ex-6', 'ex-7', 'ex-8']);
    // No native file is written beside the packet: nothing may say one is produced.
    expect(pages.join('\n')).not.toMatch(/produced natively|produced separately/i);
    expect(result.warnings.map((w) => w.message).join('\n')).not.toMatch(/produced natively|produced separately/i);
  });

  it('reproduces PDF pages as searchable text and shows e-mail and HTML as source, never rendered', () => {
    const listing = result.exhibits[0];
    expect(pages[(listing?.firstPage ?? 0)]).toContain('EVIDENCE-PAGE-1');
    expect(pages[(listing?.lastPage ?? 0) - 1]).toContain('EVIDENCE-PAGE-3');
    const eml = result.exhibits.find((e) => e.label === 'Exhibit 5');
    expect(pages[eml?.firstPage ?? 0]).toContain('<html><body onload="x()">Click</body></html>');
    const kit = result.exhibits.find((e) => e.label === 'Exhibit 9');
    expect(pages[kit?.firstPage ?? 0]).toContain('HOSTILE-MARKER');
  });

  it('carries no JavaScript, encryption, attachments, forms or annotations, even from hostile evidence', () => {
    const text = uncompressed(file);
    for (const key of ['JavaScript', 'JS', 'Encrypt', 'EmbeddedFiles?', 'AcroForm', 'Annots', 'OpenAction', 'AA', 'Launch', 'Widget', 'URI']) {
      expect(new RegExp(`/${key}\\b`).test(text), key).toBe(false);
    }
    // The hostile exhibit's own text is still there, as page content.
    expect(text).toContain('/Type /XObject');
  });

  it('reads one exhibit at a time', () => {
    expect(readStats.maxInFlight).toBe(1);
  });
});
