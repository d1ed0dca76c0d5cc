import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): the examiner records the acquisition as
// 2024-03-01T23:30:00-08:00 (11:30 pm on 1 March, Pacific). The offset is dropped on import
// (stored 2024-03-02T07:30:00.000Z) and the declaration swears, with no zone, that the exhibit was
// "obtained on March 2, 2024"; the index says "2024-03-02". Her notes and the capture say 1 March.

const pdftotext = packetText;

describe('an acquisition time entered with a UTC offset', () => {
  it('is not turned into an unqualified calendar date of another day in the declaration and index', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const shot = path.join(dir, 'shot.txt');
    fs.writeFileSync(shot, 'storefront\n');
    await dossierJson(['evidence', 'add', file, shot, '--acquired-at', '2024-03-01T23:30:00-08:00', '--acquired-by', 'A. Investigator']);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    const declaration = text.slice(text.indexOf('DECLARATION OF JANE ROE'), text.indexOf('INDEX OF EXHIBITS'));
    // Either the day where it was obtained (March 1) or a date that says its zone; never a bare "March 2".
    expect(declaration).not.toMatch(/obtained on March 2, 2024 by/);
    // The index's Acquired column: the examiner's day, or the day with its zone on the line under
    // it (the column is narrow), read from the page's lines since folding whitespace loses columns.
    const lines = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\n');
    const row = lines.findIndex((l) => /shot\.txt\s+2024-03-0\d/.test(l));
    expect(row).toBeGreaterThan(-1);
    const day = /shot\.txt\s+(2024-03-0\d)/.exec(lines[row]!)![1]!;
    const column = lines[row]!.indexOf(day);
    expect(day === '2024-03-01' || lines[row + 1]!.slice(column, column + 10).trim() === 'UTC').toBe(true);
  });
});
