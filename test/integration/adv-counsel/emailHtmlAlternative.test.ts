import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): a multipart/alternative e-mail whose plain
// text and HTML parts differ (routine in phishing and invoice fraud) is shown by its text/plain
// part only: "$100 to account 1111". Mail clients show the HTML part: "$9,000 to account 2222",
// what the victim read. The slip sheet claims "E-mail shown as a mail client shows it", the HTML
// part is on no page and nothing says it was left out.

const pdftotext = packetText;

const EML = [
  'From: Billing <billing@example.de>',
  'To: victim@example.com',
  'Subject: Invoice March',
  'Date: Fri, 01 Mar 2024 12:00:00 +0000',
  'Message-ID: <inv-7731@example.de>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Please pay $100 to account 1111.',
  '',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><p>Please pay <b>$9,000</b> to account 2222.</p></body></html>',
  '',
  '--b1--',
  '',
].join('\r\n');

describe('an e-mail whose plain-text and HTML parts differ', () => {
  it('shows what a mail client shows (the HTML part), or says plainly that part is left out', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const mail = path.join(dir, 'invoice.eml');
    fs.writeFileSync(mail, EML);
    await dossierJson(['evidence', 'add', file, mail]);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    const exhibit = text.slice(text.indexOf('EXHIBIT 1'));
    if (/shown as a mail client shows it/.test(exhibit)) {
      expect(exhibit).toMatch(/\$9,000/);
      expect(exhibit).toMatch(/account 2222/);
    } else {
      expect(exhibit).toMatch(/HTML/);
    }
  });
});
