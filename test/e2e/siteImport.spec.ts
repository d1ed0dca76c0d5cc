import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CasePage } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test('imports a CSV of websites for an order, reports the bad row by number, and exports the appendix', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Bulk domains', code_name: 'BULK' } });
  await harness.call('orders.create', { title: 'Seizure order', docket: '1:24-cv-00042', court: 'E.D. Va.', order_type: 'seizure' });
  const csv = path.join(harness.dir, 'registry-list.csv');
  // "Target" is no header Dossier knows: the user maps it. Row 3 (line 3) is not a domain.
  fs.writeFileSync(csv, 'Target,Registrar\nhotmailbox-clone.example,"NameCheap, Inc."\nbad..domain,GoDaddy.com\ncaptcha-farm.example,GoDaddy.com\n');
  harness.answers.openFiles.siteList = csv;
  harness.answers.savePaths.appendixCsv = path.join(harness.dir, 'appendix-a');

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import websites' });
  await expect(dialog).toContainText('registry-list.csv');
  await dialog.getByLabel('Column mappings').fill('Target=site');
  await dialog.getByLabel('Link every site to order').selectOption({ label: 'Seizure order (1:24-cv-00042)' });
  await shot(page, '22-site-import-mapping');
  await dialog.getByRole('button', { name: 'Import' }).click();

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible();
  const counts = report.getByRole('definition');
  await expect(counts).toHaveText(['3', '2', '0', '1']);
  const errors = report.getByRole('table', { name: 'Rows not imported' });
  await expect(errors.getByRole('row')).toHaveCount(2);
  const bad = errors.getByRole('row').nth(1);
  await expect(bad.getByRole('cell').nth(0)).toHaveText('3');
  await expect(bad.getByRole('cell').nth(1)).toHaveText('bad..domain');
  await shot(page, '23-site-import-report');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(app.row('hotmailbox-clone.example')).toBeVisible();

  await app.open('Court orders');
  await app.row('Seizure order').click();
  const appendix = app.detail.locator('section', { has: page.getByRole('heading', { name: /Appendix A/ }) });
  await expect(appendix.getByRole('list', { name: 'Appendix outline' })).toContainText('GoDaddy.com');
  await expect(appendix.getByRole('table', { name: 'First appendix rows' }).getByRole('row')).toHaveCount(2);
  await shot(page, '24-order-appendix');
  await appendix.getByRole('button', { name: 'Export CSV…' }).click();
  await expect(page.getByRole('dialog', { name: 'Appendix exported' })).toContainText('2 domains');
  const written = fs.readFileSync(path.join(harness.dir, 'appendix-a.csv'), 'utf8').trim().split('\n');
  expect(written[0]).toBe('registrable_domain,u_label,a_label,registry,registrar,registrar_iana_id,flags,order,names_in_order');
  expect(written.slice(1).map((line) => line.split(',')[0])).toEqual(['captcha-farm.example', 'hotmailbox-clone.example']);
});
