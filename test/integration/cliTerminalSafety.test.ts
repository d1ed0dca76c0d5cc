import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { runCli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

/** Anything a terminal would act on rather than print: C0 but \n, DEL, C1, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b';
const RLO = '\u202e';

function expectTerminalSafe(run: { stdout: string; stderr: string }, label: string): void {
  expect(RAW_CONTROL.exec(run.stdout)?.[0], `${label} stdout`).toBeUndefined();
  expect(RAW_CONTROL.exec(run.stderr)?.[0], `${label} stderr`).toBeUndefined();
}

describe('hostile names never reach the terminal raw', () => {
  it('escapes ESC sequences and bidi overrides from records, file names and CSV rows in every human output', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hostile.dossier');
    await dossierJson(['new', file, '--title', 'Hostile']);
    const hostile = `${ESC}]0;owned${'\u0007'}${ESC}[2J Evil Registrar`;
    // A registrar is one line (Appendix A prints it as a heading): refused, and the refusal is escaped too.
    const refused = await dossier(['site', 'add', file, 'evil.example', '--registrar', hostile]);
    expect(refused.status).toBe(2);
    expectTerminalSafe(refused, 'refused');
    const notes = `${hostile}\nline one\n${ESC}[1A${ESC}[2Kforged line`;
    const site = await dossierJson<{ id: string; notes: string }>(['site', 'add', file, 'evil.example', '--registrar', 'Evil Registrar', '--notes', notes]);
    expect(site.notes).toBe(notes); // prose is stored exactly as given; only its display is escaped

    const rlo = path.join(dir, `invoice${RLO}fdp.exe`);
    fs.writeFileSync(rlo, 'MZ not really');
    const escName = path.join(dir, `shot${ESC}[31m.png`);
    fs.writeFileSync(escName, 'png?');
    const added = await dossier(['evidence', 'add', file, rlo, escName]);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('invoice\\u202efdp.exe');
    expect(added.stdout).toContain('shot\\x1b[31m.png');
    expect(added.stdout).toMatch(/WARNING: The file name "invoice\\u202efdp\.exe" contains bidirectional override characters/);

    const csv = path.join(dir, 'sites.csv');
    fs.writeFileSync(csv, `site,registrar\ngood.example,${ESC}[5mBlink Registrar\nbad${ESC}[31m domain,x\n`);
    const imported = await dossier(['site', 'import', file, csv]);
    expect(imported.stdout).toContain('\\x1b[5mBlink');
    expect(imported.stdout).toMatch(/bad\\x1b\[31m domain/);

    const runs = {
      added,
      imported,
      show: await dossier(['show', file, site.id]),
      list: await dossier(['list', file, 'websites']),
      listAll: await dossier(['list', file, 'evidence', '--all']),
      siteList: await dossier(['site', 'list', file]),
      search: await dossier(['search', file, 'Evil']),
      timeline: await dossier(['timeline', file]),
      missing: await dossier(['evidence', 'add', file, path.join(dir, `gone${ESC}[2J.png`)]),
    };
    for (const [label, run] of Object.entries(runs)) expectTerminalSafe(run, label);
    expect(runs.show.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J Evil Registrar');
    expect(runs.show.stdout).toContain('line one\\x0a\\x1b[1A');
    expect(runs.missing.stderr).toMatch(/gone\\x1b\[2J\.png/);

    // --json is for programs: the exact text, JSON-escaped, plus the warning on the import result.
    const json = await dossierJson<{ items: { path: string; warnings?: string[] }[] }>(['evidence', 'add', file, rlo]);
    expect(json.items[0]!.path).toBe(rlo);
    expect(json.items[0]!.warnings).toHaveLength(1);
  });

  it('refuses control characters in titles at the contract, whoever sends them', async () => {
    const file = path.join(tempDir(), 't.dossier');
    const created = await dossier(['new', file, '--title', `Case ${ESC}[2J`]);
    expect(created.status).toBe(2);
    expect(created.stderr).toBe('dossier: --title must not contain control characters (tabs, line breaks, escape sequences). [INVALID_REQUEST]\n');
    expect(fs.existsSync(file)).toBe(false);
    await dossierJson(['new', file, '--title', 'Clean']);
    expect((await dossier(['note', 'add', file, '--title', `Plan${RLO}txt.exe`, '--body', 'x'])).stderr).toMatch(/--title must not contain bidirectional override characters/);
    expect((await dossier(['order', 'add', file, '--title', 'a\nb', '--docket', 'D', '--court', 'C', '--type', 'tro'])).stderr).toMatch(/--title must not contain control characters/);
    const capture = path.join(path.dirname(file), 'c.txt');
    fs.writeFileSync(capture, 'c');
    expect((await dossier(['evidence', 'add', file, capture, '--title', `x${ESC}y`])).stderr).toMatch(/--title must not contain control characters/);
    expect((await dossierJson<{ items: unknown[] }>(['list', file, 'notes'])).items).toEqual([]);
  });

  it('escapes in the real process too (stderr of a failing command)', () => {
    const dir = tempDir();
    const result = runCli(['info', path.join(dir, `no${ESC}[2Jcase.dossier`)]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/no\\x1b\[2Jcase\.dossier/);
    expectTerminalSafe(result, 'info');
  });
});

describe('progress of long work', () => {
  it('is drawn on stderr only for a terminal, with the phase in words, and never with --json', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.dossier');
    await dossierJson(['new', file, '--title', 'Progress']);
    const big = path.join(dir, 'big.bin');
    fs.writeFileSync(big, Buffer.alloc(3 << 20, 7));
    const shown = await dossier(['evidence', 'add', file, big], { errIsTerminal: true });
    expect(shown.status).toBe(0);
    expect(shown.stderr).toMatch(/^\rImporting: \d+%/);
    expect(shown.stderr).toMatch(/Importing: 100% {3}\n$/);
    const scripted = await dossier(['evidence', 'verify', file]);
    expect(scripted.stderr).toBe('');
    const json = await dossier(['evidence', 'verify', file, '--json'], { errIsTerminal: true });
    expect(json.stderr).toBe('');
  });
});
