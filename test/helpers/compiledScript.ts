import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'out', 'test-scripts');
const built = new Map<string, string>();

/**
 * A TypeScript script that tests run as a child process (an import to kill, a memory probe),
 * compiled with what it imports into one ES module, once per test process: each child then starts
 * in a fraction of a second instead of the 2-3 s of CPU tsx spends compiling on every start (20
 * children in one test cost a minute that way). Written under out/ so that the native and
 * path-relative packages left outside the bundle resolve from node_modules, as in the CLI build.
 * Returns the path to run with `node`.
 */
export function compiledScript(entry: string): string {
  const cached = built.get(entry);
  if (cached !== undefined) return cached;
  const name = `${path.basename(entry, '.ts')}-${createHash('sha256').update(`${entry}:${process.pid}`).digest('hex').slice(0, 12)}.mjs`;
  const outfile = path.join(OUT, name);
  fs.mkdirSync(OUT, { recursive: true });
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The same packages the CLI build keeps outside (scripts/build-cli.mjs): native or path-relative.
    external: ['better-sqlite3', 'pdfjs-dist', 'pdfjs-dist/*', 'pdfkit', 'electron'],
    banner: { js: "import { createRequire as __dossierCreateRequire } from 'node:module'; const require = __dossierCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  built.set(entry, outfile);
  return outfile;
}
