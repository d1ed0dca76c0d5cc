import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Adversarial reproductions (expected to FAIL until fixed). `evidence add --label` (and `edit
 * --exhibit-label`) accept any text: a line break, a bidi override, or another exhibit's label.
 * The filing packet then
 *   1. prints "Exhibit 1\nFORGED-LABEL" as two lines in the contents, index, declaration and
 *      custody report;
 *   2. writes an ECF attachment file whose NAME holds a live U+202E ("Exhibit \u202E2 - mail.eml.pdf"
 *      shows as "Exhibit fdp.lme.liam - 2" in a file manager or the court's upload form).
 * Expected: labels obey the one-line rule (CONTROL_CHARACTER / bidi refused, exit 2), and no
 * written file name carries a control or bidi character.
 */
function caseWithLabels(labels: string[]): { dir: string; file: string; refused: number } {
  const dir = tempDir();
  const file = path.join(dir, 'labels.dossier');
  runCliJson(['new', file, '--title', 'Labels', '--code-name', 'LBL']);
  let refused = 0;
  labels.forEach((label, i) => {
    const input = path.join(dir, `file${i}.txt`);
    fs.writeFileSync(input, `content ${i}\n`);
    const added = runCli(['evidence', 'add', file, input, '--label', label]);
    if (added.status !== 0) {
      expect(added.status).toBe(2);
      refused += 1;
    }
  });
  return { dir, file, refused };
}

function exportDraft(dir: string, file: string): { out: string; text: string } {
  const out = path.join(dir, 'out', 'packet.pdf');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const made = runCli(['packet', file, '--out', out, '--draft', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
  expect(made.status, made.stderr).toBe(0);
  return { out, text: execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }) };
}

describe('exhibit labels in a filing packet', () => {
  it('a label with a line break never adds a line to the packet', () => {
    const { dir, file, refused } = caseWithLabels(['Exhibit 1\nFORGED-LABEL']);
    if (refused) return;
    const { text } = exportDraft(dir, file);
    const forged = text.split('\n').filter((line) => line.includes('FORGED-') && !line.includes('\\x0aFORGED-'));
    expect(forged.map((l) => l.trim()), 'label line break printed as a line of its own').toEqual([]);
  });

  it('a label with a bidi override never reaches a written file name', () => {
    const { dir, file, refused } = caseWithLabels(['Exhibit \u202E2']);
    if (refused) return;
    exportDraft(dir, file);
    const names = fs.readdirSync(path.join(dir, 'out'));
    expect(names.filter((n) => /[\u202A-\u202E\u2066-\u2069]/.test(n)), 'ECF file names with a live bidi override').toEqual([]);
  });
});
