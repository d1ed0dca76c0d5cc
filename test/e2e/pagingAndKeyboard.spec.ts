import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { addWebsite } from '../../src-main/websites/websiteService';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

const SITES = 5_000;

test('a long list scrolls page by page and keeps only a window of rows', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Many domains' } });
  const caseFile = harness.session.caseFile;
  writeTransaction(caseFile, () => {
    for (let i = 0; i < SITES; i++) addWebsite(caseFile, { input: `shop-${String(i).padStart(5, '0')}.example`, role: 'marketplace' });
  });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await expect(page.getByRole('heading', { name: 'Websites', level: 1 })).toBeVisible();
  await expect(app.row('shop-00000.example')).toBeVisible();
  const rendered = await app.grid.getByRole('row').count();
  expect(rendered).toBeLessThan(120);

  // Keyboard: focus the grid; End reaches the true last row in one press (fetched by offset).
  await app.grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(app.detail.getByRole('heading', { name: 'shop-00000.example' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(app.detail.getByRole('heading', { name: 'shop-00001.example' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(app.row('shop-04999.example')).toBeVisible();
  await expect(app.detail.getByRole('heading', { name: 'shop-04999.example' })).toBeVisible();
  // The header row counts as row 1: the last site is row 5,001 of 5,001.
  await expect(app.grid).toHaveAttribute('aria-rowcount', String(SITES + 1));
  await expect(app.row('shop-04999.example')).toHaveAttribute('aria-rowindex', String(SITES + 1));
  await page.keyboard.press('Home');
  await expect(app.detail.getByRole('heading', { name: 'shop-00000.example' })).toBeVisible();
  expect(await app.grid.getByRole('row').count()).toBeLessThan(120);

  // Pages were fetched by cursor, never the whole table at once.
  const lists = harness.requests.filter((r) => r.channel === 'items.list' && (r.request as { kind: string }).kind === 'website');
  expect(lists.every((r) => ((r.request as { limit?: number }).limit ?? 0) <= 200)).toBe(true);
  expect(lists.some((r) => (r.request as { offset?: number }).offset === 4800)).toBe(true);

  // The filter narrows through the server (trigram index) as the user types, and says how many match.
  await page.getByLabel('Filter websites').pressSequentially('04321', { delay: 30 });
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 website match');
  await expect(page.getByText('1 of 5,000')).toBeVisible();
  await expect(app.grid.getByRole('row')).toHaveCount(2);
  await expect(app.grid).toHaveAttribute('aria-rowcount', '2');
  await expect(app.row('shop-04321.example')).toBeVisible();
});

test('menu commands and top bar buttons open the real flows; a cancelled file dialog changes nothing', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Menus' } });
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: 'Menus', level: 1 })).toBeVisible();
  harness.emit('menu', 'packet.export');
  const packet = page.getByRole('dialog', { name: 'Export filing packet' });
  await expect(packet).toBeVisible();
  await packet.getByRole('button', { name: 'Cancel' }).click();
  await expect(packet).toBeHidden();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share case' });
  await expect(share).toContainText('You need an identity');
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  // No file chosen in the native dialogs (the harness answers "cancelled"): no dialog follows.
  harness.emit('menu', 'domains.importCsv');
  harness.emit('menu', 'share.import');
  await expect.poll(() => harness.requests.filter((r) => r.channel === 'shell.chooseFileToOpen').length).toBe(2);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  harness.emit('menu', 'view.timeline');
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
});
