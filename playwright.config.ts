import { defineConfig } from '@playwright/test';

/**
 * The renderer in Debian's Chromium, against real case files through the real client code
 * (test/e2e/harness). scripts/run-e2e.mjs builds what this needs first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two spec files at a time: the suite waits on the harness and on fsyncs more than it computes
  // (one worker used about half of two cores). Each test has its own temp case files, so files
  // share no state. DOSSIER_E2E_WORKERS=1 runs them one by one.
  workers: Number(process.env.DOSSIER_E2E_WORKERS ?? 2),
  retries: 0,
  // scripts/test.mjs (npm test) asks for a JSON report to count results.
  reporter: process.env.DOSSIER_E2E_JSON ? [['list'], ['json', { outputFile: process.env.DOSSIER_E2E_JSON }]] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    },
  },
});
