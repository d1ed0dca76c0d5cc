import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../helpers/dossierInProcess';
import { packetArgs } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';
import { packetText } from './adv-counsel/advCase';

// The packet shows an e-mail's HTML part as text beside its text body (prepareEmailExhibit). What
// it prints must have been scanned for Rule 5.2 identifiers: an SSN only in the HTML part (base64,
// split by markup, so the stored source never holds it as one string) is found and redacted.
describe("an e-mail's HTML part in a public packet", () => {
  it('is scanned for identifiers and printed redacted', async () => {
    const dir = tempDir();
    const html = Buffer.from('<html><body><p>Your SSN 219-<b>09</b>-9999 is on file.</p></body></html>').toString('base64');
    const eml = path.join(dir, 'kyc.eml');
    fs.writeFileSync(eml, [
      'From: Bank <kyc@bank.example>', 'To: victim@example.com', 'Subject: KYC', 'Date: Fri, 01 Mar 2024 12:00:00 +0000',
      'Message-ID: <kyc-1@bank.example>', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Your details are on file.', '',
      '--b1', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', html, '', '--b1--', '',
    ].join('\r\n'));
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'KYC']);
    await dossierJson(['evidence', 'add', file, eml]);
    await dossierJson(['redact', 'scan', file]);
    const pending = await dossierJson<{ id: string }[]>(['redact', 'list', file, '--status', 'pending']);
    expect(pending.length).toBeGreaterThan(0);
    for (const r of pending) await dossierJson(['redact', 'accept', file, r.id]);
    const out = path.join(dir, 'public.pdf');
    await dossierJson(packetArgs(file, out));
    const text = packetText(out);
    expect(text).toContain('HTML part, as text');
    expect(text).toMatch(/Your SSN \S*9999/);
    expect(text).not.toContain('219-09-9999');
  });
});
