import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase } from './advCase';

// Adversarial finding (expected to fail until fixed): a text exhibit that is one very long line
// (a minified JSON dump, a one-line log export) is cut after 50 pages, yet the slip sheet, the
// declaration (paragraph 5), the last page and the --json note all say "(lines 1–1 of 1)": read
// literally, line 1 of 1, that is the whole file, is shown. Most of the line is not in the packet.

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

describe('a text exhibit cut in the middle of its only line', () => {
  it('never says "lines 1–1 of 1" when only part of line 1 is shown', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const dump = path.join(dir, 'dump.json');
    fs.writeFileSync(dump, `${'{"k":"v"},'.repeat(60_000)}"TAIL-MARKER"\n`);
    await dossierJson(['evidence', 'add', file, dump]);
    const out = path.join(dir, 'p.pdf');
    const result = await dossierJson<{ exhibits: { note?: string; partial?: string }[] }>(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    // Only part of the line is in the packet: its end is not.
    expect(text).not.toMatch(/TAIL-MARKER/);
    expect(result.exhibits[0]!.partial).toBeTruthy();
    // What the packet says was shown must be true: not the whole of line 1 of 1.
    expect(text.replace(/\s+/g, ' ')).not.toMatch(/lines 1–1 of 1\)/);
    expect(result.exhibits[0]!.partial).not.toMatch(/lines 1–1 of 1\)/);
  });
});
