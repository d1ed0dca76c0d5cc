import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): a text file with classic Mac line endings
// (CR only: old exports, some router and PBX logs) is described on its slip sheet as "Text (UTF-8,
// 1 line)" while the very next page shows it as "source lines 1–3" numbered 1, 2, 3. The packet
// states two different line counts for one exhibit, and citations by page:line depend on them.

const pdftotext = packetText;

describe('a CR-only text exhibit', () => {
  it('has the same number of lines on its slip sheet as on its pages', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const log = path.join(dir, 'router.log');
    fs.writeFileSync(log, 'login admin\rdownload config\rlogout\r');
    await dossierJson(['evidence', 'add', file, log]);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    expect(text).toMatch(/source lines 1–3/);
    expect(text).not.toMatch(/Text \(UTF-8, 1 line\)/);
    expect(text).toMatch(/Text \(UTF-8, 3 lines\)/);
  });
});
