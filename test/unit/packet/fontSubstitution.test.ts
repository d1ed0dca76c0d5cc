import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { exhibit, packetInput } from './packetFixtures';
import { qpdfCheck } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A PDF that declares PDF/A-2b yet draws in pdfkit's built-in Helvetica and Times, which it does not embed. */
async function pdfAWithStandardFonts(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'LETTER', subset: 'PDF/A-2b', pdfVersion: '1.7', info: { CreationDate: new Date('2025-01-02T03:04:05Z'), Title: 'Evidence' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica').fontSize(14).text('Wire transfer confirmation — €1,250.00 “paid”', 72, 72);
  doc.font('Times-Bold').fontSize(12).text('Beneficiary: Storm Market Ltd', 72, 110);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function exportWith(profile: string, bytes: Uint8Array) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-fonts-'));
  dirs.push(dir);
  const file = path.join(dir, 'packet.pdf');
  const result = await exportPacket(packetInput([exhibit({ label: 'Exhibit 1', title: 'Wire', mediaType: 'application/pdf', originalName: 'wire.pdf', bytes }, 1)], { sections: ['cover', 'index', 'exhibits'], profile }), file);
  expect(qpdfCheck(file).status).toBe(0);
  if (process.env.DOSSIER_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.DOSSIER_KEEP_PDF, `fonts-${profile}.pdf`));
  return { file, result, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
}

describe('fonts an exhibit PDF does not embed', () => {
  it('are embedded as metric-compatible Liberation faces when the profile requires PDF/A, and the pages are reproduced', async () => {
    const bytes = await pdfAWithStandardFonts();
    const { result, text, fonts } = await exportWith('pdfa-strict', bytes);
    expect(result.exhibits[0]?.rendering).toBe('pdf');
    expect(result.pdfA).toBe(true);
    expect(text).toContain('Wire transfer confirmation — €1,250.00 “paid”');
    expect(text).toContain('Beneficiary: Storm Market Ltd');
    expect(text.replace(/\s+/g, ' ')).toContain('Helvetica → Liberation Sans');
    expect(text.replace(/\s+/g, ' ')).toContain('Times-Bold → Liberation Serif Bold');
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.some((l) => l.includes('LiberationSans-Regular') && / TrueType /.test(l))).toBe(true);
    for (const row of rows) expect(row).toMatch(/ yes /);
  });

  it('are left as they are when the profile only prefers PDF/A (the exhibit then keeps the packet from declaring it)', async () => {
    const { result, fonts } = await exportWith('generic-50mb', await pdfAWithStandardFonts());
    expect(result.exhibits[0]?.rendering).toBe('pdf');
    expect(result.pdfA).toBe(false);
    expect(fonts).toMatch(/Helvetica\s+Type 1\s+\S+\s+no/);
  });
});
