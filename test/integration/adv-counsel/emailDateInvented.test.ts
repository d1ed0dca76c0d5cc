import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): the e-mail page prints each Date header
// "with its UTC time". For a header with no zone ("Fri, 01 Mar 2024 12:00:00", or a date only),
// that UTC time is invented from the time zone of the computer making the packet: the same case
// gives 12:00:00 UTC in one office and 15:30:00 UTC in St. John's. An impossible date
// ("Sat, 31 Feb 2024") is rolled over and printed as 2024-03-02.

const pdftotext = packetText;
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

async function mailPacket(date: string): Promise<string> {
  const dir = tempDir();
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
  const mail = path.join(dir, 'm.eml');
  fs.writeFileSync(mail, `From: a@example.com\r\nTo: b@example.com\r\nSubject: invoice\r\nDate: ${date}\r\n\r\nbody\r\n`);
  await dossierJson(['evidence', 'add', file, mail]);
  const out = path.join(dir, 'p.pdf');
  await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
  const text = pdftotext(out);
  return text.slice(text.indexOf('EXHIBIT 1'));
}

describe('the UTC time printed beside an e-mail Date header', () => {
  it('is not invented from the packet computer\'s time zone for a header without a zone', async () => {
    process.env.TZ = 'America/St_Johns';
    const page = await mailPacket('Fri, 01 Mar 2024 12:00:00');
    expect(page).toContain('Date: Fri, 01 Mar 2024 12:00:00');
    expect(page).not.toMatch(/Date: Fri, 01 Mar 2024 12:00:00 \(2024-03-01 \d\d:\d\d:\d\d UTC\)/);
  });

  it('is not a rolled-over date for an impossible one', async () => {
    const page = await mailPacket('Sat, 31 Feb 2024 10:00:00 +0000');
    expect(page).toContain('Date: Sat, 31 Feb 2024 10:00:00 +0000');
    expect(page).not.toMatch(/2024-03-02 10:00:00 UTC/);
  });
});
