import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Files allowed to import `electron` at run time; everything else in src-main/app runs (and is tested) under Node. */
const ELECTRON_GLUE = ['main.ts', 'preload.ts', 'hardenSession.ts', 'shellHandlers.ts', 'archiveProtocolHandler.ts'];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('electron imports', () => {
  it('stay in the glue files of src-main/app', () => {
    const root = path.resolve('src-main');
    const offenders = files(root)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /^\s*import\s+(?!type\b)[^;]*from\s+'electron'/m.test(fs.readFileSync(f, 'utf8')) || /require\('electron'\)/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(path.join(root, 'app'), f));
    expect(offenders.sort()).toEqual([...ELECTRON_GLUE].sort());
  });

  it('keep the glue files small', () => {
    for (const file of ELECTRON_GLUE) {
      const lines = fs.readFileSync(path.resolve('src-main/app', file), 'utf8').split('\n').length;
      expect(lines, file).toBeLessThan(260);
    }
  });
});
