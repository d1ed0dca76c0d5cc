import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): an encrypted PDF saved with object streams
// (pdf-lib's, Acrobat's and Word's default since PDF 1.5) is described on its slip sheet, in the
// declaration's warnings and in --json as "damaged or incomplete". The file is intact (qpdf --check
// passes; with an empty user password any viewer opens it): opposing counsel can show the packet's
// statement about the exhibit to be false.

const pdftotext = packetText;

async function encryptedPdf(dir: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText('Registrar invoice, page 1', { x: 40, y: 740, size: 12, font });
  const plain = path.join(dir, 'plain.pdf');
  fs.writeFileSync(plain, await doc.save());
  const encrypted = path.join(dir, 'invoice.pdf');
  // Empty user password: it opens in any viewer without a prompt; the owner password only restricts editing.
  execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', plain, encrypted]);
  // The file is a sound PDF: qpdf checks its structure and reads its text.
  execFileSync('qpdf', ['--check', encrypted]);
  expect(execFileSync('pdftotext', [encrypted, '-'], { encoding: 'utf8' })).toMatch(/Registrar invoice/);
  return encrypted;
}

describe('an encrypted PDF exhibit', () => {
  it('is called encrypted, never damaged or incomplete, on its slip sheet and in the export warnings', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    await dossierJson(['evidence', 'add', file, await encryptedPdf(dir)]);
    const out = path.join(dir, 'p.pdf');
    const result = await dossierJson<{ exhibits: { note?: string }[]; warnings: { message: string }[] }>(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    const slip = text.slice(text.indexOf('EXHIBIT 1'));
    expect(slip).not.toMatch(/damaged|incomplete/i);
    expect(slip).toMatch(/encrypted/i);
    expect(result.exhibits[0]!.note ?? '').not.toMatch(/damaged|incomplete/i);
    expect(result.warnings.map((w) => w.message).join('\n')).not.toMatch(/damaged|incomplete/i);
  });
});
