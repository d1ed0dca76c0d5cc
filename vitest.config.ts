import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real SQLite files and child processes: one worker per core is plenty on 2 cores.
    pool: 'forks',
    // The CLI tests run the compiled command; (re)built here once when missing or stale.
    globalSetup: ['test/support/buildCliOnce.mjs'],
  },
});
