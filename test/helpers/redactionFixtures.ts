import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { defaultFontDir } from '../../src-main/fonts/packetFonts';

/** The identifiers the redaction fixtures hold, for tests to look for (and not find). */
export const SECRETS = {
  cardValid: '4111 1111 1111 1111',
  cardValid2: '5555555555554444',
  cardInvalid: '4111111111111112',
  ssn: '123-45-6789',
  dob: '03/14/1985',
  iban: 'DE89 3704 0044 0532 0130 00',
  account: '000123456789',
  pngNumber: '987654321',
} as const;

export interface RedactionFixtures {
  csv: string;
  text: string;
  email: string;
  pdf: string;
  png: string;
  /** Where the number is drawn on the PNG (pixels from the top-left). */
  pngBox: { x: number; y: number; w: number; h: number };
}

/**
 * The acceptance fixtures of issue 16, written into `dir`: a CSV of payments (valid and invalid
 * Luhn), a letter with an SSN and a date of birth, an e-mail with an IBAN, a two-page PDF whose
 * text layer holds an account number (and, with `plantAnnotation`, the same number again in an
 * annotation's text: a leak a naive redaction misses), and a PNG of a document with a number.
 */
export async function writeRedactionFixtures(dir: string, options: { plantAnnotation?: boolean } = {}): Promise<RedactionFixtures> {
  const csv = path.join(dir, 'payments.csv');
  fs.writeFileSync(
    csv,
    ['date,payer,card,amount', `2024-01-05,Buyer One,${SECRETS.cardValid},49.00`, `2024-01-06,Buyer Two,${SECRETS.cardValid2},12.50`, `2024-01-07,Buyer Three,${SECRETS.cardInvalid},8.00`, ''].join('\n'),
  );
  const text = path.join(dir, 'victim-letter.txt');
  fs.writeFileSync(text, `Statement of the victim\nName: Jane Roe\nSSN: ${SECRETS.ssn}\nDOB: ${SECRETS.dob}\nThe marketplace sold my identity documents.\n`);
  const email = path.join(dir, 'wire.eml');
  fs.writeFileSync(
    email,
    [
      'From: Seller <seller@shop.example>', 'To: Buyer <buyer@mail.example>', 'Subject: Payment details', 'Date: Mon, 5 Feb 2024 10:00:00 +0000',
      'Message-ID: <1@shop.example>', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
      `Wire the money to IBAN ${SECRETS.iban} before Friday.`, '',
    ].join('\r\n'),
  );
  const pdf = path.join(dir, 'bank-statement.pdf');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p1 = doc.addPage([612, 792]);
  p1.drawText('First National Bank statement', { x: 72, y: 700, size: 16, font });
  p1.drawText(`Account No. ${SECRETS.account}`, { x: 72, y: 660, size: 12, font });
  p1.drawText('Transfers to the marketplace operator wallet', { x: 72, y: 630, size: 12, font });
  if (options.plantAnnotation) {
    const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [400, 600, 420, 620], Contents: PDFString.of(`acct ${SECRETS.account}`) });
    p1.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
  }
  const p2 = doc.addPage([612, 792]);
  p2.drawText('Page two has nothing to redact: closing balance', { x: 72, y: 700, size: 12, font });
  fs.writeFileSync(pdf, await doc.save({ useObjectStreams: false }));
  const png = path.join(dir, 'id-card.png');
  const canvas = createCanvas(600, 300);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 600, 300);
  g.fillStyle = '#000000';
  g.font = '32px sans-serif';
  g.fillText('IDENTITY CARD', 40, 60);
  g.fillText(`No. ${SECRETS.pngNumber}`, 40, 160);
  fs.writeFileSync(png, canvas.toBuffer('image/png'));
  return { csv, text, email, pdf, png, pngBox: { x: 100, y: 120, w: 200, h: 55 } };
}

/** `dossier packet` arguments for a combined packet as the redaction tests export it. */
export function packetArgs(file: string, out: string, ...more: string[]): string[] {
  return [
    'packet', file, '--out', out, '--bates-prefix', 'STORM-', '--layout', 'combined',
    '--declarant', 'Jane Roe', '--declarant-role', 'Special Agent', '--place', 'New York, New York', ...more,
  ];
}

/** A page in Russian, Greek and Latin with an account number, set in an embedded Unicode font. */
export async function multilingualStatement(file: string): Promise<void> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(path.join(defaultFontDir(), 'NotoSans-Regular.ttf')), { subset: true, customName: 'SourcePageFont' });
  const page = doc.addPage([612, 792]);
  page.drawText('Выписка по счёту Сбербанк', { x: 72, y: 700, size: 14, font });
  page.drawText('Account No. 000123456789', { x: 72, y: 670, size: 12, font });
  page.drawText('Λογαριασμός πελάτη Αθήνα', { x: 72, y: 640, size: 12, font });
  page.drawText('Платёж продавцу закладок', { x: 72, y: 610, size: 12, font });
  fs.writeFileSync(file, await doc.save());
}

