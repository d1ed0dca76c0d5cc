import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

describe('when an exhibit was acquired', () => {
  it('is printed only where it was recorded: the import time is never shown as the acquisition time', async () => {
    const dir = tempDir();
    // Exhibit 1 was recorded as acquired on 2024-03-01; Exhibit 2 has no acquisition time.
    const { file } = await filingCase(dir);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\f');
    const slip = (label: string) => pages.find((p) => p.includes(`${label} · slip sheet`))!;
    expect(slip('Exhibit 1')).toMatch(/Acquired\s+2024-03-01/);
    const second = slip('Exhibit 2');
    expect(second).toMatch(/Acquired\s+Not recorded \(imported into the case \d{4}-\d{2}-\d{2}/);
    const index = pages.find((p) => /INDEX OF EXHIBITS/i.test(p) && !/TABLE OF CONTENTS/i.test(p))!;
    const row = index.split('\n').find((line) => /^\s*Exhibit 2\b/.test(line))!;
    expect(row).toContain('not recorded');
    expect(row).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });
});
