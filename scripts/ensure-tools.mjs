#!/usr/bin/env node
// Makes sure the outside tools the tests use are installed: installs them on Debian as root,
// otherwise names exactly what is missing and how to get it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** command -> Debian package that provides it. */
const TOOLS = {
  chromium: 'chromium',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  qpdf: 'qpdf',
  age: 'age',
  'age-keygen': 'age',
  sqlite3: 'sqlite3',
};

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const missing = Object.keys(TOOLS).filter((c) => !has(c));
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((c) => TOOLS[c]))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = fs.existsSync('/etc/debian_version') && has('apt-get');
if (isRoot && isDebian) {
  console.error(`Installing test tools: ${packages.join(' ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  const still = Object.keys(TOOLS).filter((c) => !has(c));
  if (still.length === 0) process.exit(0);
  console.error(`Still missing after apt-get: ${still.join(', ')}`);
  process.exit(1);
}
console.error(
  `The tests need these programs, which are not installed: ${missing.join(', ')}.\n` +
    `On Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}\n` +
    `On macOS (Homebrew): brew install ${packages.map((p) => ({ 'poppler-utils': 'poppler', chromium: '--cask chromium' })[p] ?? p).join(' ')}\n` +
    'Chromium is expected at /usr/bin/chromium (set DOSSIER_CHROMIUM to use another path).',
);
process.exit(1);
