import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DossierHarness } from './harness/DossierHarness';
import { serveRenderer } from './harness/staticServer';

export const SCREENSHOTS = path.resolve('test/e2e/screenshots');

interface Fixtures {
  harness: DossierHarness;
  /** Uncaught errors and CSP violations in the page; a test fails if any happen. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures, { server: { url: string; close: () => Promise<void> } }>({
  server: [
    async ({}, use) => {
      const server = await serveRenderer('out/renderer');
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Trusted Type/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
      await use(problems);
      expect(problems, 'the page must run without errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
  harness: async ({ page, server }, use) => {
    const harness = new DossierHarness(page, new URL(server.url).origin);
    await harness.attach();
    await use(harness);
    harness.dispose();
  },
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect };
