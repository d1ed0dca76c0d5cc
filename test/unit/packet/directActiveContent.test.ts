import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { listActiveContent } from '../../../src-main/packet/listActiveContent';
import { tempDir } from '../../helpers/tempDir';
import { exhibit, packetInput } from './packetFixtures';

const EVIL = new TextEncoder().encode('MZ an executable nobody should run');

/**
 * The adversary's PDF: everything hostile held as direct objects (inside the catalog and the
 * page), which a walk of indirect objects alone never sees; plus one indirect Text annotation.
 */
async function directHostilePdf(extra: (doc: PDFDocument) => void = () => undefined): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([612, 792]);
  page.drawText('Statement of account', { x: 72, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  const ctx = doc.context;
  doc.catalog.set(PDFName.of('OpenAction'), ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1);') }));
  const evilStream = ctx.register(ctx.flateStream(EVIL, { Type: 'EmbeddedFile' }));
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ EmbeddedFiles: { Names: [PDFString.of('evil.exe'), { Type: 'Filespec', F: PDFString.of('evil.exe'), EF: { F: evilStream } }] } }),
  );
  const indirectNote = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: PDFString.of('indirect note') }));
  page.node.set(
    PDFName.of('Annots'),
    ctx.obj([
      { Subtype: 'Link', Rect: [72, 690, 400, 716], A: { S: 'URI', URI: PDFString.of('https://evil.example/') } },
      { Type: 'Annot', Subtype: 'Text', Rect: [50, 50, 70, 70], Contents: PDFString.of('direct note') },
      indirectNote,
    ]),
  );
  extra(doc);
  return doc.save({ useObjectStreams: false });
}

describe('active content held in direct objects', () => {
  it("counts the catalog's direct open action, the embedded file in the name tree, and direct annotations on the page", async () => {
    const found = listActiveContent(await PDFDocument.load(await directHostilePdf()));
    expect(found.javaScriptActions).toBe(1);
    expect(found.links).toBe(1);
    expect(found.otherAnnotations).toBe(2);
    expect(found.embeddedFiles).toEqual([{ name: 'evil.exe', size: EVIL.length, sha256: createHash('sha256').update(EVIL).digest('hex') }]);
  });

  it('counts direct /AA actions, a direct /Names /JavaScript entry and direct form fields', async () => {
    const bytes = await directHostilePdf((doc) => {
      const ctx = doc.context;
      doc.getPage(0).node.set(PDFName.of('AA'), ctx.obj({ O: { S: 'JavaScript', JS: PDFString.of('a()') }, C: { S: 'Launch', F: PDFString.of('calc.exe') } }));
      const names = doc.catalog.lookup(PDFName.of('Names')) as ReturnType<typeof ctx.obj>;
      (names as unknown as { set(k: PDFName, v: unknown): void }).set(PDFName.of('JavaScript'), ctx.obj({ Names: [PDFString.of('doc'), { S: 'JavaScript', JS: PDFString.of('b()') }] }));
      doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [{ FT: 'Tx', T: PDFString.of('ssn'), V: PDFString.of('123-45-6789') }] }));
    });
    const found = listActiveContent(await PDFDocument.load(bytes));
    expect(found.javaScriptActions).toBe(3);
    expect(found.otherActions).toBe(1);
    expect(found.formFields).toBe(1);
    expect(found.links).toBe(1);
    expect(found.otherAnnotations).toBe(2);
    expect(found.embeddedFiles.map((f) => f.name)).toEqual(['evil.exe']);
  });

  it('the slip sheet names all of it, the embedded file with its SHA-256', async () => {
    const file = path.join(tempDir(), 'packet.pdf');
    await exportPacket(packetInput([exhibit({ label: 'Exhibit 1', title: 'Statement', mediaType: 'application/pdf', originalName: 'statement.pdf', bytes: await directHostilePdf() }, 1)], { sections: ['index', 'exhibits'] }), file);
    const flat = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toMatch(/1 JavaScript action\b/);
    expect(flat).toContain('evil.exe');
    expect(flat).toContain(createHash('sha256').update(EVIL).digest('hex'));
    expect(flat).toMatch(/1 link\b/);
    expect(flat).toMatch(/2 other annotations/);
    expect(fs.existsSync(file)).toBe(true);
  });
});
