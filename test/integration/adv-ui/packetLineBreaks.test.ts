import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Adversarial reproduction (expected to FAIL until fixed). The actor name (`--actor`,
 * DOSSIER_ACTOR, or a teammate's copy) is stored as given, line breaks included, and the filing
 * packet prints it inside the sworn declaration and the custody report. An actor of
 * "Jane Roe\nIndependently verified by FBI CART: SHA-256 OK" makes the declaration read
 *   "... imported into the case on December 8, 2026 by Jane Roe
 *    Independently verified by FBI CART: SHA-256 OK. The case file records no ..."
 * a verification nobody made, in a document signed under penalty of perjury. The README promises
 * "What a packet prints on one line holds one line". Expected: an actor with a control or bidi
 * character is refused (CONTROL_CHARACTER, exit 2), and one already stored (older version, merge)
 * is printed spelled out (\x0a), never as a line of its own.
 */
describe('the actor name cannot add a line to a filing packet', () => {
  it('refuses or spells out a line break in --actor', () => {
    const dir = tempDir();
    const file = path.join(dir, 'actor.dossier');
    runCliJson(['new', file, '--title', 'Actor case', '--code-name', 'ACT']);
    const log = path.join(dir, 'log.txt');
    fs.writeFileSync(log, 'log line\n');
    const forged = 'Jane Roe\nIndependently verified by FBI CART: SHA-256 OK';
    const added = runCli(['evidence', 'add', file, log, '--acquired-by', 'Jane Roe'], { env: { DOSSIER_ACTOR: forged } });
    if (added.status !== 0) {
      expect(added.status).toBe(2);
      expect(added.stderr).toMatch(/control|line break/i);
      return;
    }
    const out = path.join(dir, 'out', 'packet.pdf');
    fs.mkdirSync(path.dirname(out));
    const made = runCli(['packet', file, '--out', out, '--draft', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(made.status, made.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const forgedLines = text.split('\n').filter((line) => /^\s*Independently verified by FBI CART/.test(line));
    expect(forgedLines, 'the actor name added lines of its own to the declaration / custody report').toEqual([]);
  });

  it('refuses or spells out line breaks in exhibit and custody fields the packet prints (acquired by, source, custody to/from/location/purpose)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'fields.dossier');
    runCliJson(['new', file, '--title', 'Fields case', '--code-name', 'FLD']);
    const log = path.join(dir, 'log.txt');
    fs.writeFileSync(log, 'log line\n');
    // Each value is accepted today (exit 0); a fix may refuse them instead (exit 2), which this allows.
    const added = runCli(['evidence', 'add', file, log, '--acquired-by', 'Jane Roe\nFORGED-ACQUIRED-BY', '--source', 'https://x.example/\nFORGED-SOURCE']);
    const listed = JSON.parse(runCli(['list', file, 'evidence', '--json']).stdout) as { items?: { id: string }[] } | { id: string }[];
    const rows = Array.isArray(listed) ? listed : (listed.items ?? []);
    if (added.status !== 0) expect(added.status).toBe(2);
    if (rows.length === 0) return;
    const exhibit = rows[0]!.id;
    const moved = runCli(['custody', 'transfer', file, exhibit, '--to', 'Lab 2\nFORGED-TO', '--from', 'Bob\nFORGED-FROM', '--location', 'Vault\nFORGED-LOCATION', '--purpose', 'Analysis\nFORGED-PURPOSE']);
    if (moved.status !== 0) expect(moved.status).toBe(2);
    const out = path.join(dir, 'out', 'packet.pdf');
    fs.mkdirSync(path.dirname(out));
    const made = runCli(['packet', file, '--out', out, '--draft', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(made.status, made.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    // A value spelled out reads "...\\x0aFORGED-..." on its line; any other FORGED- began a line of its own.
    const forgedLines = text.split('\n').filter((line) => line.includes('FORGED-') && !line.includes('\\x0aFORGED-'));
    expect(forgedLines.map((l) => l.trim()), 'field values added lines of their own to the packet').toEqual([]);
  });

  it('an evidence file name with a line break is spelled out in the custody report too, not only in titles', () => {
    const dir = tempDir();
    const file = path.join(dir, 'names.dossier');
    runCliJson(['new', file, '--title', 'Names case', '--code-name', 'NMS']);
    // A seized file really named so (Linux allows a line break in a file name).
    const input = path.join(dir, 'invoice\nFORGED-NAME.txt');
    fs.writeFileSync(input, 'x\n');
    const added = runCli(['evidence', 'add', file, input]);
    expect(added.status, added.stderr).toBe(0);
    const out = path.join(dir, 'out', 'packet.pdf');
    fs.mkdirSync(path.dirname(out));
    const made = runCli(['packet', file, '--out', out, '--draft', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(made.status, made.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const forgedLines = text.split('\n').filter((line) => /^\s*FORGED-NAME/.test(line));
    expect(forgedLines.map((l) => l.trim()), 'the custody report prints the raw name across lines').toEqual([]);
  });
});
