#!/usr/bin/env node
// `npm test`: outside tools, type-check of every project, the layer check, unit + integration tests (vitest), the
// browser suite (Playwright + Chromium), then one closing line with the totals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const startedAt = Date.now();
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-test-reports-'));

/** Each step's wall time, printed at the end: which step grew is the first question when the total does. */
const stepSeconds = [];

function run(title, command, args, env = {}) {
  console.log(`\n== ${title}`);
  const stepStart = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  stepSeconds.push(`${title.split(' (')[0]} ${Math.round((Date.now() - stepStart) / 1000)} s`);
  return result.status ?? 1;
}

function countsFrom(file, pick) {
  try {
    return pick(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0 };
  }
}

let failedSteps = 0;
if (run('outside tools', process.execPath, ['scripts/ensure-tools.mjs']) !== 0) process.exit(1);
if (run('type-check (tsc -b)', 'npx', ['tsc', '-b']) !== 0) failedSteps += 1;
if (run('layers (dependency-cruiser)', process.execPath, ['scripts/check-layers.mjs']) !== 0) failedSteps += 1;

const vitestReport = path.join(reports, 'vitest.json');
if (run('unit + integration (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]) !== 0) failedSteps += 1;
const unit = countsFrom(vitestReport, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));

const e2eReport = path.join(reports, 'e2e.json');
let e2e = { passed: 0, failed: 0 };
if (fs.existsSync(path.join(root, 'scripts/run-e2e.mjs'))) {
  if (run('browser (Playwright + Chromium)', process.execPath, ['scripts/run-e2e.mjs'], { DOSSIER_E2E_JSON: e2eReport }) !== 0) failedSteps += 1;
  e2e = countsFrom(e2eReport, (r) => ({ passed: r.stats?.expected ?? 0, failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) }));
}

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedSteps > 0 && unit.failed + e2e.failed === 0 ? failedSteps : 0);
console.log(`\nunit/integration: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${passed} passed, ${failed} failed`);
fs.rmSync(reports, { recursive: true, force: true }); // counted above; nothing is left in the temp folder
const seconds = Math.round((Date.now() - startedAt) / 1000);
console.log(`steps: ${stepSeconds.join(', ')}`);
console.log(`wall time: ${Math.floor(seconds / 60)} min ${seconds % 60} s (npm test, all steps)`);
process.exit(failedSteps > 0 || failed > 0 || passed === 0 ? 1 : 0);
