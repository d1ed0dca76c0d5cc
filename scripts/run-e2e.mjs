#!/usr/bin/env node
// Builds the renderer (electron-vite: needs no Electron binary) and the harness's page script,
// then runs the Playwright suite in Debian Chromium. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin('electron-vite'), ['build']);

// The window is sandboxed, so its preload must be a classic CommonJS script (package.json says
// "type": "module", which would otherwise make it an ES module that only loads unsandboxed).
const preload = readFileSync(path.join(root, 'out/preload/preload.cjs'), 'utf8');
if (!/require\("electron"\)/.test(preload) || /^\s*(import|export)\s/m.test(preload)) {
  console.error('out/preload/preload.cjs is not a CommonJS script; check electron.vite.config.ts (preload output format).');
  process.exit(1);
}

// window.dossier for the browser: buildWindowApi (the preload's own code) over a Playwright binding.
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'out/e2e'),
    emptyOutDir: true,
    minify: false,
    lib: { entry: path.join(root, 'test/e2e/harness/pageApi.ts'), formats: ['iife'], name: 'DossierHarness', fileName: () => 'pageApi.js' },
  },
});

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
run(bin('playwright'), ['test', ...process.argv.slice(2)]);
