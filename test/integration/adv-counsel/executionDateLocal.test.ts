import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): at 01:30 UTC on 8 December the declarant in
// Redmond (SIGNED's --place) is still on 7 December. The default execution date is the UTC date,
// so the sworn "Executed on December 8, 2026 at Redmond, Washington" is false where it was signed,
// and the true local date (--date 2026-12-07) is refused as "before the newest fact".

const pdftotext = packetText;
const savedTz = process.env.TZ;

afterEach(() => {
  vi.useRealTimers();
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

async function caseAt(dir: string): Promise<string> {
  const file = path.join(dir, 'tz.dossier');
  await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
  const shot = path.join(dir, 'shot.txt');
  fs.writeFileSync(shot, 'storefront\n');
  await dossierJson(['evidence', 'add', file, shot]);
  return file;
}

describe('the execution date of a declaration is a date where the declarant is', () => {
  it('dates a declaration made at 17:30 on 7 December in Los Angeles time "December 7", not the UTC date', async () => {
    process.env.TZ = 'America/Los_Angeles';
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-08T01:30:00Z') });
    const dir = tempDir();
    const file = await caseAt(dir);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    expect(text).toMatch(/Executed on December 7, 2026 at Redmond, Washington/);
    expect(text).not.toMatch(/Executed on December 8, 2026/);
  });

  it('accepts the local calendar date as --date for facts recorded earlier that same local day', async () => {
    process.env.TZ = 'America/Los_Angeles';
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-08T01:30:00Z') });
    const dir = tempDir();
    const file = await caseAt(dir);
    const out = path.join(dir, 'p.pdf');
    const result = await dossier(['packet', file, '--out', out, '--layout', 'combined', '--date', '2026-12-07', ...SIGNED]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('never prints an execution date that has not yet begun in any time zone (an offset beyond +14:00)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T00:00:00Z') });
    const dir = tempDir();
    const file = await caseAt(dir);
    vi.setSystemTime(new Date('2026-12-08T01:30:00Z'));
    const out = path.join(dir, 'p.pdf');
    // 2026-12-09T00:00+23:59 is 2026-12-08T00:01Z, a past instant; but 9 December has begun nowhere (UTC+14 is at 15:30 on the 8th).
    const result = await dossier(['packet', file, '--out', out, '--layout', 'combined', '--date', '2026-12-09T00:00:00+23:59', ...SIGNED]);
    if (result.status === 0) expect(pdftotext(out)).not.toMatch(/Executed on December 9, 2026/);
    else expect(result.status).toBe(2);
  });
});
