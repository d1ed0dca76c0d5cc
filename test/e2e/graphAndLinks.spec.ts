import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { linkRecords } from '../../src-main/links/linkService';
import { orderService } from '../../src-main/orders/orderService';
import { addWebsite } from '../../src-main/websites/websiteService';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

const COVERED = 120;

test('an order linked to many sites pages its linked items; the graph is one Tab stop walked with arrows', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Many links' } });
  const caseFile = harness.session.caseFile;
  writeTransaction(caseFile, () => {
    const order = orderService.create(caseFile, { title: 'Seizure order', docket: '1:24-cv-7', court: 'E.D. Va.', order_type: 'seizure' });
    for (let i = 0; i < COVERED; i++) {
      const site = addWebsite(caseFile, { input: `covered-${String(i).padStart(3, '0')}.example` });
      linkRecords(caseFile, { from_id: order.id, to_id: site.id, relation: 'covers' });
    }
  });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Court orders');
  await app.row('Seizure order').click();
  const linked = app.detail.locator('section', { has: page.getByRole('heading', { name: /Linked items/ }) });
  await expect(linked.getByRole('heading', { name: /Linked items/ })).toContainText('120');
  // A page at a time: 50 buttons to Tab past, not 120 (or 205,800).
  await expect(app.linkedItems()).toHaveCount(50);
  const pager = linked.getByRole('navigation', { name: 'Linked items pages' });
  await expect(pager.getByRole('status')).toHaveText('1–50 of 120');
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager.getByRole('status')).toHaveText('51–100 of 120');
  await expect(app.linkedItems().first()).toContainText('covered-050.example');
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(app.linkedItems()).toHaveCount(20);
  await expect(pager.getByRole('button', { name: 'Next' })).toBeDisabled();

  await app.open('Graph');
  await expect(page.getByText(`${COVERED} links`)).toBeVisible();
  const nodes = page.locator('.graph-node');
  await expect(nodes).toHaveCount(COVERED + 1);
  await expect(page.locator('.graph-node[tabindex="0"]')).toHaveCount(1);
  const stop = page.locator('.graph-node[tabindex="0"]');
  await stop.focus();
  const before = await stop.getAttribute('aria-label');
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
    await page.keyboard.press(key);
    const now = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (now !== before) break;
  }
  const moved = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(moved).not.toBe(before);
  await expect(page.locator('.graph-node[tabindex="0"]')).toHaveCount(1);
  // Keyboard zoom changes the drawing's viewBox; Enter opens the focused item.
  const svg = page.getByRole('group', { name: /Link graph/ });
  const box = await svg.getAttribute('viewBox');
  await page.keyboard.press('+');
  await expect(svg).not.toHaveAttribute('viewBox', box!);
  await page.keyboard.press('Enter');
  await expect(app.detail.getByRole('heading', { level: 2 })).toBeVisible();
});
