import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';
import { noteEditedOnTwoCopies } from '../helpers/twoCopies';

/** Lines of human output that start with text a hostile name smuggled in. */
function forgedLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\s*(SHA-256 0{8}|FORGED)/.test(line));
}

describe('paths from outside are printed on one line, their line breaks escaped', () => {
  it('evidence add: a file name carrying a fake SHA-256 line shows it escaped; the only hash line is the real one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'Paths']);
    const hostile = path.join(dir, `a.txt)\n  SHA-256 ${'0'.repeat(64)}\n  (x`);
    fs.writeFileSync(hostile, 'real bytes');
    const added = await dossier(['evidence', 'add', file, hostile]);
    expect(added.status).toBe(0);
    expect(forgedLines(added.stdout)).toEqual([]);
    const hashLines = added.stdout.split('\n').filter((l) => l.trimStart().startsWith('SHA-256'));
    expect(hashLines).toEqual([`  SHA-256 ${createHash('sha256').update('real bytes').digest('hex')}`]);
    expect(added.stdout).toContain(`a.txt)\\x0a  SHA-256 ${'0'.repeat(64)}\\x0a  (x`);
    // The warning about a reordering name quotes the name: its line breaks are escaped there too.
    const reordering = path.join(dir, `b\u202etxt.exe\nFORGED warning`);
    fs.writeFileSync(reordering, 'other bytes');
    const warned = await dossier(['evidence', 'add', file, reordering]);
    expect(warned.stdout).toMatch(/WARNING: The file name "b\\u202etxt\.exe\\x0aFORGED warning"/);
    expect(forgedLines(warned.stdout)).toEqual([]);
  });

  it('new, extract, site import and check: a line break in a path never starts a line of its own', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'cases\nFORGED folder');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'c.dossier');
    const created = await dossier(['new', file, '--title', 'Paths']);
    expect(created.status).toBe(0);
    const source = path.join(dir, 'plain.txt');
    fs.writeFileSync(source, 'plain');
    const { items } = await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, source]);
    const extracted = await dossier(['evidence', 'extract', file, items[0]!.evidence.id, path.join(dir, 'out.bin\nFORGED out')]);
    expect(extracted.status).toBe(0);
    const csv = path.join(dir, 'sites\nFORGED csv.csv');
    fs.writeFileSync(csv, 'site\nexample.com\n');
    const imported = await dossier(['site', 'import', file, csv]);
    expect(imported.status).toBe(0);
    const checked = await dossier(['check', file]);
    const runs = { created, extracted, imported, checked };
    for (const [label, run] of Object.entries(runs)) {
      expect(forgedLines(run.stdout), label).toEqual([]);
      expect(run.stdout, label).toContain('\\x0aFORGED');
    }
  });

  it('capture import: the capture tool named inside the archive is shown with its line breaks escaped', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'Captures']);
    const har = path.join(dir, 'session.har');
    const entry = {
      startedDateTime: '2024-01-02T03:04:05.000Z',
      request: { method: 'GET', url: 'https://example.com/', headers: [] },
      response: { status: 200, statusText: 'OK', headers: [{ name: 'Content-Type', value: 'text/html' }], content: { mimeType: 'text/html', text: '<title>x</title>' } },
    };
    fs.writeFileSync(har, JSON.stringify({ log: { version: '1.2', creator: { name: 'Browser\nFORGED tool line', version: '1' }, entries: [entry] } }));
    const imported = await dossier(['capture', 'import', file, har]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(forgedLines(imported.stdout)).toEqual([]);
    expect(imported.stdout).toContain('Browser\\x0aFORGED tool line');
  });

  it('conflicts: a one-line summary quoting a multi-line note body shows its line breaks escaped', async () => {
    const { alice: mine, bob: theirs } = await noteEditedOnTwoCopies('Conflicts', { alice: 'Alice\nFORGED line from a body', bob: 'Bob\nFORGED other body' });
    await dossierJson(['merge', mine, theirs, '--actor', 'Alice']);
    const listed = await dossier(['conflicts', mine]);
    expect(listed.status).toBe(0);
    expect(forgedLines(listed.stdout)).toEqual([]);
    expect(listed.stdout).toContain('\\x0aFORGED');
  });

  it('errors: a path with a line break is shown escaped on the one error line, as it really is', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'Errors']);
    const missing = path.join(dir, `gone.txt)\n  SHA-256 ${'0'.repeat(64)}`);
    const run = await dossier(['evidence', 'add', file, missing]);
    expect(run.status).not.toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain(`gone.txt)\\x0a  SHA-256 ${'0'.repeat(64)}`);
  });
});
