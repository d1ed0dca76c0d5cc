import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Adversarial reproduction (expected to FAIL until fixed). An exhibit label is free text
 * (`evidence add --label`), and the ECF export writes it first in the `file` and `description`
 * cells of attachments.csv, unguarded: a label like `=HYPERLINK(...)` or `@SUM(1+1)*cmd|...` is
 * run as a formula when counsel or the clerk opens the attachment list in a spreadsheet. The
 * Appendix A CSV already prefixes such cells with ' (src-main/websites/appendixCsv.ts formulaSafe);
 * attachments.csv must too (or labels starting with = + - @ are refused).
 */
describe('attachments.csv never starts a cell with a formula', () => {
  it('guards cells built from exhibit labels', () => {
    const dir = tempDir();
    const file = path.join(dir, 'labels.dossier');
    runCliJson(['new', file, '--title', 'Labels', '--code-name', 'LBL']);
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    fs.writeFileSync(a, 'first\n');
    fs.writeFileSync(b, 'second\n');
    const first = runCli(['evidence', 'add', file, a, '--label', '=HYPERLINK("http://evil.example","Exhibit 1")']);
    const second = runCli(['evidence', 'add', file, b, '--label', '@SUM(1+1)*cmd|" /C calc"!A0']);
    if (first.status !== 0 && second.status !== 0) return; // labels refused: fixed that way
    const out = path.join(dir, 'out', 'packet.pdf');
    fs.mkdirSync(path.dirname(out));
    const made = runCli(['packet', file, '--out', out, '--draft', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(made.status, made.stderr).toBe(0);
    const csv = fs.readFileSync(path.join(dir, 'out', 'attachments.csv'), 'utf8');
    // Each cell as a spreadsheet reads it (quotes removed); none may start with = + - @.
    const cells = csv
      .trim()
      .split('\n')
      .slice(1)
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
      .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'))
      .filter((cell) => cell.length > 0);
    const formulas = cells.filter((cell) => /^[=+\-@]/.test(cell));
    expect(formulas, 'attachments.csv cells a spreadsheet runs as formulas').toEqual([]);
  });
});
