import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Audit chain heads this computer wrote (casefile/chainRegister.ts) go to a temp folder, not
    // the home folder of whoever runs the tests; child processes (the CLI) inherit it.
    env: { DOSSIER_STATE_DIR: process.env.DOSSIER_STATE_DIR ?? path.join(os.tmpdir(), 'dossier-test-state', 'chains') },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real SQLite files and child processes: one worker per core is plenty on 2 cores.
    pool: 'forks',
    // Test files share a worker's loaded modules instead of re-importing pdf-lib, pdfjs, the
    // migrations... for each file: the suite took 279 s isolated and 231 s not, same 861 tests.
    // Files keep no state in modules (each works in its own temp folder; the two that change
    // process.env restore it), and the suite passes in shuffled order too.
    // DOSSIER_TEST_ISOLATE=1 isolates them again to hunt a suspected leak.
    isolate: process.env.DOSSIER_TEST_ISOLATE === '1',
    // vitest's default is cores - 1, which on 2 cores runs one file at a time while it waits on
    // child processes and fsyncs. Test files share no state (each works in its own temp folder;
    // the CLI bundle is built once before any runs), so two run at once. DOSSIER_TEST_WORKERS overrides.
    maxWorkers: Number(process.env.DOSSIER_TEST_WORKERS ?? 2),
    // The CLI tests run the compiled command; (re)built here once when missing or stale.
    globalSetup: ['test/support/buildCliOnce.mjs'],
    // Cleanup after each test (temp folders, case files, tiny disks), registered in every file.
    setupFiles: ['test/support/afterEachTest.ts'],
  },
});
