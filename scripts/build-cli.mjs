#!/usr/bin/env node
// Builds the `dossier` command into one ES-module bundle, out/cli/dossier.mjs, so a run starts in
// a fraction of the time tsx needs to compile the TypeScript on every start (measured here:
// 2.4-3 s CPU through tsx, about 0.2 s from the bundle). Modules that a command loads with a
// dynamic import() (pdf-lib, fontkit, pdfjs, age) land in separate chunks in out/cli/ and
// are read only by the commands that use them.
//
// Kept outside the bundle, resolved from node_modules at run time:
// - better-sqlite3: a native addon (.node file) found next to its own package;
// - pdfjs-dist: loads its worker and data files by path relative to itself;
// - pdfkit: reads its font metric files (.afm) relative to its own folder;
// - playwright-core: optional browser driver for capture renderings, with files of its own.
//
// Usage: node scripts/build-cli.mjs [--if-stale]
//   --if-stale  build only when out/cli/dossier.mjs is missing or older than a source it was built from
// Also exported as buildCli()/cliBuildIsStale() for the vitest global setup.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out', 'cli');
/** The bundle bin/dossier.js runs. Change together with bin/dossier.js. */
export const CLI_BUNDLE = path.join(outDir, 'dossier.mjs');
/** Every input esbuild read, for the staleness check (written beside the bundle). */
const INPUTS_FILE = path.join(outDir, 'inputs.json');

// @napi-rs/canvas: a native module (redaction renders pages with it), loaded from node_modules like better-sqlite3.
const EXTERNAL = ['better-sqlite3', 'pdfjs-dist', 'pdfjs-dist/*', 'pdfkit', 'electron', 'playwright-core', '@napi-rs/canvas'];

/** Builds the bundle; returns its path. */
export async function buildCli() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    // The site-list normalising thread is an entry of its own, found beside the chunks by
    // src-main/websites/siteNormalizeWorkerEntry.ts: change the name there too.
    entryPoints: { dossier: 'src-main/cli/main.ts', 'site-normalize-worker': 'src-main/websites/siteNormalizeWorker.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    // Chunks sit beside the entry, not in a subfolder: modules that find files relative to
    // themselves (packetFonts.ts: ../../resources/fonts) must be as deep as in src-main/<feature>/.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Some bundled CommonJS packages call require() for Node built-ins; an ES module has none.
    banner: { js: "import { createRequire as __dossierCreateRequire } from 'node:module'; const require = __dossierCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'linked',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  fs.writeFileSync(INPUTS_FILE, JSON.stringify({ inputs: [...inputs, 'package-lock.json', 'scripts/build-cli.mjs'] }, null, 1));
  // What each output file contains and statically imports: the test of lazy loading reads it.
  fs.writeFileSync(path.join(outDir, 'meta.json'), JSON.stringify(result.metafile));
  return CLI_BUNDLE;
}

/** True when the bundle is missing or any source it was built from is newer than it. */
export function cliBuildIsStale() {
  let builtAt;
  let inputs;
  try {
    builtAt = fs.statSync(CLI_BUNDLE).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(INPUTS_FILE, 'utf8')).inputs;
  } catch {
    return true;
  }
  // A new source file the old bundle never saw is imported by one it did see, whose mtime moved.
  return inputs.some((file) => {
    try {
      return fs.statSync(path.join(root, file)).mtimeMs > builtAt;
    } catch {
      return true; // a source was removed or renamed
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--if-stale') && !cliBuildIsStale()) process.exit(0);
  const started = Date.now();
  await buildCli();
  console.log(`built ${path.relative(root, CLI_BUNDLE)} in ${Date.now() - started} ms`);
}
