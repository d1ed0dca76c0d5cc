#!/usr/bin/env node
// Runs the compiled command (out/cli/dossier.mjs, built by `npm run build` or at install time by
// `prepare`). Only in a source checkout that has not been built does it fall back to compiling the
// TypeScript on every start with tsx, which is several times slower, and says so once.
// The bundle path is also in scripts/build-cli.mjs (CLI_BUNDLE): change both together.
import fs from 'node:fs';

// `dossier --version` alone answers from package.json without loading the 4.7 MB bundle: scripts
// call it to check an install, and it then starts about as fast as Node itself. The bundle prints
// the same string (DOSSIER_APP_VERSION, kept equal to package.json by a test).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}

const bundle = new URL('../out/cli/dossier.mjs', import.meta.url);
const source = new URL('../src-main/cli/main.ts', import.meta.url);

if (fs.existsSync(bundle)) {
  await import(bundle.href);
} else if (fs.existsSync(source)) {
  process.stderr.write('dossier: no build found (out/cli/dossier.mjs); running from source through tsx, which starts slowly. Run `npm run build:cli` once to fix this.\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  process.stderr.write('dossier: this installation is incomplete (out/cli/dossier.mjs is missing). Reinstall with `npm install -g .` from a Dossier checkout.\n');
  process.exit(1);
}
