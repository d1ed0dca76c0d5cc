#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, beside (not
// instead of) the Node build in node_modules that `npm test` and the CLI use. The app loads it
// through better-sqlite3's `nativeBinding` option (src-main/casefile/nativeBinding.ts).
//
// Needs a connected machine: it downloads a prebuilt binary from better-sqlite3's GitHub releases
// (prebuild-install) or, failing that, Electron's headers to compile one (node-gyp).
//   node scripts/build-electron-native.mjs              build (or rebuild)
//   node scripts/build-electron-native.mjs --if-missing only when missing or built for another Electron/platform
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const infoFile = path.join(outDir, 'build-info.json');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const electronVersion = readJson(path.join(root, 'node_modules/electron/package.json')).version;
const sqliteVersion = readJson(path.join(root, 'node_modules/better-sqlite3/package.json')).version;
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.env.npm_config_arch || process.arch };

if (process.argv.includes('--if-missing') && fs.existsSync(outFile) && fs.existsSync(infoFile)) {
  const have = readJson(infoFile);
  if (Object.entries(wanted).every(([k, v]) => have[k] === v)) {
    console.log(`native/electron/better_sqlite3.node is up to date (Electron ${electronVersion}, ${wanted.platform}-${wanted.arch}).`);
    process.exit(0);
  }
}

// Work on a copy so node_modules/better-sqlite3 keeps its Node build for tests and the CLI.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-native-'));
const pkg = path.join(work, 'better-sqlite3');
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), pkg, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
// A machine-wide nodedir (set for Node builds) would make node-gyp compile for Node's ABI instead.
const env = { ...process.env };
for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
env.npm_config_nodedir = '';

function attempt(title, command, args) {
  console.log(`\n${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: pkg, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return result.status === 0 && fs.existsSync(path.join(pkg, 'build/Release/better_sqlite3.node'));
}

/** npm's own node-gyp, run directly: through npx it would get the machine's npm config (nodedir) back. */
function bundledNodeGyp() {
  const candidates = [
    process.env.npm_execpath && path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  return candidates.find((c) => fs.existsSync(c));
}

/**
 * A binary built for Electron cannot load in this Node (different NODE_MODULE_VERSION). If it
 * loads, the build silently used Node's headers: refuse it rather than ship a crash on start.
 */
function loadsInNode(file) {
  const probe = `const D=require(${JSON.stringify(path.join(root, 'node_modules/better-sqlite3'))});new D(':memory:',{nativeBinding:${JSON.stringify(file)}}).close()`;
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore' }).status === 0;
}

const built = path.join(pkg, 'build/Release/better_sqlite3.node');
const prebuildInstall = path.join(root, 'node_modules/prebuild-install/bin.js');
const nodeGyp = bundledNodeGyp();
const compileArgs = ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${wanted.arch}`, '--dist-url=https://electronjs.org/headers'];
const ok = (title, command, args) => attempt(title, command, args) && !(loadsInNode(built) && (console.error(`${title} produced a binary for Node's ABI, not Electron's; discarding it.`), fs.rmSync(built), true));
const done =
  ok('Prebuilt binary', process.execPath, [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', wanted.arch, '--platform', wanted.platform, '--verbose']) ||
  (nodeGyp
    ? ok('Compile', process.execPath, [nodeGyp, ...compileArgs])
    : ok('Compile', 'npx', ['--yes', 'node-gyp', ...compileArgs]));

if (!done) {
  fs.rmSync(work, { recursive: true, force: true });
  console.error(
    `\nCould not get better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${wanted.platform}-${wanted.arch}).` +
      '\nThis needs internet access to github.com (prebuilt binaries) or electronjs.org (headers) and a C++ toolchain. See docs/electron.md.',
  );
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, outFile);
fs.writeFileSync(infoFile, `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`);
fs.rmSync(work, { recursive: true, force: true });
console.log(`\nWrote ${path.relative(root, outFile)} for Electron ${electronVersion} (${wanted.platform}-${wanted.arch}).`);
