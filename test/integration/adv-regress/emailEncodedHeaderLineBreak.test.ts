import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (adv-regress), high: an RFC 2047 encoded word may decode to a line break.
// The packet's e-mail view prints decoded headers one per numbered line, and the decoded line
// break starts a new numbered line: Subject "=?UTF-8?Q?Invoice=0AFrom:_ceo@bank.example?=" shows
// as "4 Subject: Invoice" / "5 From: ceo@bank.example", a forged sender line under the real one.
// (Its bidi override in the same header is spelled out; the line break is not.)
describe("an e-mail header whose encoded word decodes to a line break", () => {
  it('never prints as a header line of its own in the packet', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'T', '--code-name', 'STORM', '--docket', '1:24-cv-1']);
    await dossierJson(['caption', 'set', file, '--court', 'Court X']);
    const eml = path.join(dir, 'f.eml');
    fs.writeFileSync(eml, 'From: mallory@evil.example\r\nTo: b@example.com\r\nSubject: =?UTF-8?Q?Invoice=0AFrom:_ceo@bank.example?=\r\nDate: Tue, 5 Mar 2024 23:30:00 +0000\r\n\r\nPay now\r\n');
    await dossierJson(['evidence', 'add', file, eml, '--kind', 'email']);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    expect((await dossier(['packet', file, '--out', path.join(out, 'p.pdf'), '--layout', 'combined', '--draft', ...SIGNED])).status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(out, 'p.pdf'), '-'], { encoding: 'utf8' });
    expect(text).not.toMatch(/^\s*\d+\s+From: ceo@bank\.example/m);
  });

  it('an attachment name decoding to a line break never lists a second attachment', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'T', '--code-name', 'STORM', '--docket', '1:24-cv-1']);
    await dossierJson(['caption', 'set', file, '--court', 'Court X']);
    const eml = path.join(dir, 'a.eml');
    fs.writeFileSync(eml, [
      'From: a@x.example', 'To: b@example.com', 'Subject: att', 'Date: Tue, 5 Mar 2024 23:30:00 +0000', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="BB"', '', '--BB', 'Content-Type: text/plain', '', 'See attached', '--BB',
      'Content-Type: application/octet-stream', "Content-Disposition: attachment; filename*=UTF-8''a.pdf%0A2.%20contract.pdf",
      'Content-Transfer-Encoding: base64', '', 'aGVsbG8=', '--BB--', '',
    ].join('\r\n'));
    await dossierJson(['evidence', 'add', file, eml, '--kind', 'email']);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    expect((await dossier(['packet', file, '--out', path.join(out, 'p.pdf'), '--layout', 'combined', '--draft', ...SIGNED])).status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(out, 'p.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Attachments (1)');
    expect(text).not.toMatch(/^\s*\d+\s+2\. contract\.pdf/m);
  });
});
