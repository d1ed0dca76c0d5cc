import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { exhibit, packetInput } from './packetFixtures';
import { qpdfCheck, uncompressed } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const PAYLOAD = new TextEncoder().encode('MZ pretend executable payload');

/** A hostile PDF: document JavaScript, an open action running JavaScript, an attached file and a link. */
async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Invoice INV-2025-0042 from the captcha service', { x: 72, y: 700, size: 14, font });
  doc.addJavaScript('steal', 'app.alert("hello from the exhibit");');
  await doc.attach(PAYLOAD, 'payload.exe', { mimeType: 'application/octet-stream', description: 'dropper' });
  const ctx = doc.context;
  const openAction = ctx.register(ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('this.print();') }));
  doc.catalog.set(PDFName.of('OpenAction'), openAction);
  const link = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 690, 400, 716], Border: [0, 0, 0], A: { Type: 'Action', S: 'URI', URI: PDFString.of('https://evil.example/pay') } }),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj([link]));
  return doc.save();
}

describe('sanitised PDF exhibits', () => {
  it('names on the slip sheet and in the index what was removed, with the embedded file\'s name and hash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-sanitise-'));
    dirs.push(dir);
    const file = path.join(dir, 'packet.pdf');
    const bytes = await hostilePdf();
    const result = await exportPacket(packetInput([exhibit({ label: 'Exhibit 1', title: 'Invoice', mediaType: 'application/pdf', originalName: 'invoice.pdf', bytes }, 1)], { sections: ['index', 'exhibits'] }), file);
    if (process.env.DOSSIER_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.DOSSIER_KEEP_PDF, 'sanitised.pdf'));
    expect(qpdfCheck(file).status).toBe(0);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('ACTIVE CONTENT REMOVED');
    expect(flat).toMatch(/2 JavaScript actions/);
    expect(flat).toContain('payload.exe');
    expect(flat).toContain(createHash('sha256').update(PAYLOAD).digest('hex'));
    expect(flat).toMatch(/1 link\b/);
    expect(flat).toContain('the hash values above are those of the original file');
    // The index says it too, in short.
    expect(flat).toMatch(/Reproduced without: 2 JavaScript actions, 1 embedded file, 1 link/);
    expect(result.exhibits[0]?.removed?.length).toBe(3);
    // And it really is gone from the packet.
    const raw = uncompressed(file);
    expect(raw).not.toMatch(/\/JavaScript|\/JS\s|\/EmbeddedFile|\/URI/);
    expect(text).toContain('Invoice INV-2025-0042');
  });
});
