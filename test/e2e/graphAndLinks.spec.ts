import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { linkRecords } from '../../src-main/links/linkService';
import { orderService } from '../../src-main/orders/orderService';
import { addWebsite } from '../../src-main/websites/websiteService';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

const COVERED = 120;

test('an order linked to many sites pages its linked items; the graph is one Tab stop walked with arrows', async ({ page, harness, pageProblems }) => {
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

  // The layout runs in the bundle's own module worker (CSP worker-src 'self', Trusted Types policy).
  const layoutWorker = page.waitForEvent('worker', (w) => /graphLayout\.worker-[\w-]+\.js$/.test(w.url()));
  await app.open('Graph');
  expect(new URL((await layoutWorker).url()).origin).toBe(new URL(page.url()).origin);
  await expect(page.getByText(`${COVERED} links`)).toBeVisible();
  // No other worker can start: a plain string, a blob: URL or a second policy are all refused.
  const refused = await page.evaluate(() => {
    const attempts: Array<() => unknown> = [
      () => new Worker('/index.html'),
      () => new Worker(URL.createObjectURL(new Blob(['1'], { type: 'text/javascript' }))),
      () => (globalThis as unknown as { trustedTypes: { createPolicy(n: string, r: object): unknown } }).trustedTypes.createPolicy('dossier-worker', {}),
    ];
    return attempts.map((attempt) => {
      try {
        attempt();
        return 'started';
      } catch {
        return 'refused';
      }
    });
  });
  expect(refused).toEqual(['refused', 'refused', 'refused']);
  // Chromium reports the refused second policy as a CSP violation: expected here, so taken off the list.
  const duplicate = /TrustedTypePolicy named 'dossier-worker'.*already exists/;
  await expect.poll(() => pageProblems.some((p) => duplicate.test(p))).toBe(true);
  pageProblems.splice(0, pageProblems.length, ...pageProblems.filter((p) => !duplicate.test(p)));
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

test('a graph with more links than it draws says how many and filters which, by relation and by item kind', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Too many links' } });
  const caseFile = harness.session.caseFile;
  const MANY = 1_600;
  writeTransaction(caseFile, () => {
    const order = orderService.create(caseFile, { title: 'Seizure order', docket: '1:24-cv-7', court: 'E.D. Va.', order_type: 'seizure' });
    const sites = [];
    for (let i = 0; i < MANY; i++) {
      const site = addWebsite(caseFile, { input: `seized-${String(i).padStart(4, '0')}.example` });
      linkRecords(caseFile, { from_id: order.id, to_id: site.id, relation: 'covers' });
      sites.push(site);
    }
    for (let i = 0; i < 3; i++) linkRecords(caseFile, { from_id: sites[i]!.id, to_id: sites[i + 1]!.id, relation: 'redirects to' });
  });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Graph');
  // Placing 1,500 links takes the worker a few seconds on a busy machine: wait for it, not the default 5 s.
  const LAYOUT = { timeout: 30_000 };
  await expect(page.getByText('1,500 of 1,603 links shown (the newest)')).toBeVisible(LAYOUT);
  const filters = page.getByRole('group', { name: 'Which links to show' });
  const relation = filters.getByLabel('Relation');
  await expect(relation.locator('option')).toHaveText(['Any relation', 'covers (1,600)', 'redirects to (3)']);
  await relation.selectOption('redirects to');
  // The three redirects and their four sites, plus the (unlinked here) order the graph always shows.
  await expect(page.getByText(/^5 items · 3 links$/)).toBeVisible(LAYOUT);
  await expect(page.locator('.graph-edges line')).toHaveCount(3);
  // Links touching an order: all 1,600 "covers", of which 1,500 drawn.
  await relation.selectOption('');
  await filters.getByLabel('Touching').selectOption('order');
  await expect(page.getByText('1,500 of 1,600 links shown (the newest matching the filter)')).toBeVisible(LAYOUT);
  // Both: no order is in a redirect.
  await relation.selectOption('redirects to');
  await expect(page.getByText(/^1 item · 0 links$/)).toBeVisible(LAYOUT);
});
