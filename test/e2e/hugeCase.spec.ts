import fs from 'node:fs';
import { largeCaseHost, largeSiteCase } from '../helpers/largeSiteCase';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

const SITES = 200_000;

// The 200k-site case is built through the product's own bulk import (importSiteList), about 35 s
// on a loaded two-core machine, once: it is cached in the temp folder by schema version and size
// (test/helpers/largeSiteCase.ts), and each run opens a copy, so the suite stays lean.
test('a 200,000-site case opens, scrolls, and End reaches row 200,000 of the true total', async ({ page, harness }) => {
  test.setTimeout(180_000);
  const file = harness.casePath('huge.dossier');
  fs.copyFileSync(await largeSiteCase(SITES), file);
  await harness.call('case.open', { path: file });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await expect(app.row(largeCaseHost(1))).toBeVisible();
  // The header row is row 1: 200,000 sites make 200,001 rows, however few are loaded.
  await expect(app.grid).toHaveAttribute('aria-rowcount', String(SITES + 1));

  // The wheel scrolls through the window of loaded rows and the DOM stays small.
  await app.row(largeCaseHost(1)).hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 2_000);
  await expect(app.row(largeCaseHost(1))).toHaveCount(0);
  expect(await app.grid.getByRole('row').count()).toBeLessThan(150);

  await app.grid.focus();
  await page.keyboard.press('End');
  const last = app.row(largeCaseHost(SITES));
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-rowindex', String(SITES + 1));
  await expect(app.detail.getByRole('heading', { name: largeCaseHost(SITES) })).toBeVisible();
  expect(await app.grid.getByRole('row').count()).toBeLessThan(150);
  await page.keyboard.press('Home');
  await expect(app.detail.getByRole('heading', { name: largeCaseHost(1) })).toBeVisible();
});
