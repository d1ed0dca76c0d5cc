import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIER_APP_VERSION } from '../../src-main/share/appVersion';
import { runCli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'out/cli');

interface Metafile {
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}

/** Every bundled input the entry loads at start: the entry and the chunks it imports statically. */
function inputsLoadedAtStart(meta: Metafile): string[] {
  const seen = new Set<string>();
  const inputs: string[] = [];
  const visit = (output: string): void => {
    if (seen.has(output)) return;
    seen.add(output);
    const entry = meta.outputs[output];
    if (entry === undefined) throw new Error(`no output ${output} in the build's metafile`);
    inputs.push(...Object.keys(entry.inputs));
    for (const imported of entry.imports) {
      if (imported.kind === 'import-statement' && imported.external !== true) visit(imported.path);
    }
  };
  visit('out/cli/dossier.mjs');
  return inputs;
}

describe('the compiled dossier command', () => {
  it('runs the bundle, prints the package version and says nothing on stderr', () => {
    const result = runCli(['--version']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(DOSSIER_APP_VERSION);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('the bundle itself prints the same version (bin answers a lone --version from package.json)', () => {
    const result = spawnSync(process.execPath, [path.join(OUT, 'dossier.mjs'), '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(DOSSIER_APP_VERSION);
    expect(runCli(['--json', '--version']).stdout.trim()).toBe(DOSSIER_APP_VERSION);
  });

  it('loads the PDF and age libraries only in the commands that use them', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(OUT, 'meta.json'), 'utf8')) as Metafile;
    const atStart = inputsLoadedAtStart(meta);
    expect(atStart).toContain('src-main/cli/main.ts');
    const heavy = ['node_modules/pdf-lib/', 'node_modules/@pdf-lib/fontkit/', 'node_modules/age-encryption/', 'node_modules/@noble/post-quantum/'];
    for (const prefix of heavy) {
      expect(atStart.filter((input) => input.startsWith(prefix)), prefix).toEqual([]);
      // ...but they are in the build, reachable by the commands that import them on use.
      expect(Object.keys(meta.outputs).some((out) => Object.keys(meta.outputs[out]!.inputs).some((i) => i.startsWith(prefix))), prefix).toBe(true);
    }
  });

  it('falls back to tsx in a source checkout without a build, and says so once on stderr', () => {
    // A checkout without out/: the bin script, the sources and node_modules, nothing built.
    const checkout = tempDir();
    fs.mkdirSync(path.join(checkout, 'bin'));
    fs.copyFileSync(path.join(ROOT, 'bin/dossier.js'), path.join(checkout, 'bin/dossier.js'));
    for (const linked of ['src-main', 'node_modules', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json']) {
      fs.symlinkSync(path.join(ROOT, linked), path.join(checkout, linked));
    }
    const result = spawnSync(process.execPath, [path.join(checkout, 'bin/dossier.js'), '--json', '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(DOSSIER_APP_VERSION);
    const notes = result.stderr.split('\n').filter((line) => line.length > 0);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/no build found .*out\/cli\/dossier\.mjs.*tsx.*npm run build:cli/);
  });

  it('refuses clearly when installed without its build and without sources', () => {
    const install = tempDir();
    fs.mkdirSync(path.join(install, 'bin'));
    fs.copyFileSync(path.join(ROOT, 'bin/dossier.js'), path.join(install, 'bin/dossier.js'));
    const result = spawnSync(process.execPath, [path.join(install, 'bin/dossier.js'), 'info', 'x.dossier'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/incomplete .*out\/cli\/dossier\.mjs is missing/);
  });
});
