import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): a filled-in PDF form (a registrar's abuse
// form, a bank's KYC form) shows its answers in form-field widgets. The packet drops them from the
// reproduced page (its slip sheet says "ACTIVE CONTENT REMOVED: 1 form field"), so the account
// number any viewer shows on that page is not in the packet. The declaration still swears, without
// qualification, that the exhibit "appears in the Packet as stored", and --json says nothing.

const pdftotext = packetText;

async function filledForm(dir: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText('Abuse report. Account number:', { x: 40, y: 700, size: 14, font });
  const field = doc.getForm().createTextField('account');
  field.setText('ACCT-98765');
  field.addToPage(page, { x: 280, y: 690, width: 200, height: 30, font });
  doc.getForm().updateFieldAppearances(font);
  const out = path.join(dir, 'abuse-form.pdf');
  fs.writeFileSync(out, await doc.save());
  // Any viewer shows the answer on the page: poppler draws the field's appearance.
  expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('ACCT-98765');
  return out;
}

describe('a filled-in PDF form exhibit', () => {
  it('is not sworn to appear "as stored" when the answers shown on its page are left out', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    await dossierJson(['evidence', 'add', file, await filledForm(dir)]);
    const out = path.join(dir, 'p.pdf');
    const result = await dossierJson<{ exhibits: { note?: string; partial?: string }[]; warnings: { code: string; message: string }[] }>(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    // The answer shown on the exhibit's page is not in the packet.
    expect(text).not.toContain('ACCT-98765');
    const declaration = text.slice(text.indexOf('DECLARATION OF JANE ROE'), text.indexOf('INDEX OF EXHIBITS'));
    expect(declaration).not.toMatch(/Each exhibit that can be reproduced as pages appears in the Packet as stored, behind a slip sheet/);
    const said = [result.exhibits[0]!.note ?? '', result.exhibits[0]!.partial ?? '', ...result.warnings.map((w) => w.message)].join('\n');
    expect(said).toMatch(/form field/i);
  });
});
