import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCase } from '../../helpers/demoCheck';
import { runCli } from '../../helpers/runCli';

/*
 * Adversarial reproduction (expected to FAIL until fixed; medium). A party's name (`party add
 * --name`) and counsel's name (`counsel set --name`) accept line breaks; `packet --check` says
 * nothing, and the packet prints them as lines of their own: a defendant "FORGED-PARTY" appears
 * in the caption on the cover and the declaration, and "FORGED-COUNSEL" under the "/s/" signature.
 * The README's one-line rule ("What a packet prints on one line holds one line") names the case's
 * code name and numbers, orders' dockets and judges; the caption's parties and the signer are as
 * much one-line values. Expected: refused (CONTROL_CHARACTER, exit 2) or printed spelled out.
 */
describe('caption names hold one line in the packet', () => {
  it('a party or counsel name with a line break adds no line to the caption or signature', () => {
    const file = demoCase();
    const party = runCli(['party', 'add', file, '--role', 'defendant', '--name', 'John Does 1-2\nFORGED-PARTY']);
    const counsel = runCli(['counsel', 'set', file, '--name', 'A. Lawyer\nFORGED-COUNSEL']);
    for (const r of [party, counsel]) if (r.status !== 0) expect(r.status).toBe(2);
    if (party.status !== 0 && counsel.status !== 0) return;
    const out = path.join(path.dirname(file), 'out', 'packet.pdf');
    fs.mkdirSync(path.dirname(out));
    const made = runCli(['packet', file, '--out', out, '--draft', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(made.status, made.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const forged = text.split('\n').filter((line) => line.includes('FORGED-') && !line.includes('\\x0aFORGED-'));
    expect(forged.map((l) => l.trim()), 'caption/signature lines added by a name').toEqual([]);
  });

  it('--declarant, --declarant-role and --place with a line break add no line to the declaration', () => {
    const file = demoCase();
    const out = path.join(path.dirname(file), 'out', 'packet.pdf');
    fs.mkdirSync(path.dirname(out));
    const made = runCli(['packet', file, '--out', out, '--draft', '--declarant', 'Jane Roe\nFORGED-DECLARANT', '--declarant-role', 'Investigator\nFORGED-ROLE', '--place', 'Redmond\nFORGED-PLACE']);
    if (made.status !== 0) {
      expect(made.status).toBe(2);
      return;
    }
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const forged = text.split('\n').filter((line) => /^\s*(\/s\/ )?FORGED-/.test(line) || /\s{2,}FORGED-/.test(line));
    expect(forged.map((l) => l.trim()), 'declaration lines added by the declarant options').toEqual([]);
  });
});
