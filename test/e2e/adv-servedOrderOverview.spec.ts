import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * Adversarial reproduction (expected to FAIL until fixed). An order entered with the date it was
 * served (as `dossier order add --granted D --served D2` does: its status stays "granted") is
 * listed on the Overview as "Granted, not yet served", while the same case's timeline shows
 * "Order served" on that date. The Overview must not claim an order with a recorded service date
 * is unserved (either the status follows the dates, or "awaiting service" also asks served_at).
 */
test('an order with a recorded service date is not listed as "not yet served"', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Served order' } });
  const order = await harness.call('orders.create', {
    title: 'Ex parte TRO',
    docket: '1:23-cv-10685',
    court: 'S.D.N.Y.',
    order_type: 'ex_parte_tro',
    granted_at: '2023-12-07',
    served_at: '2023-12-08',
  });
  expect(order.served_at).toBe('2023-12-08');

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Timeline');
  await expect(app.grid.getByRole('row').filter({ hasText: 'Order served' })).toBeVisible();
  await app.open('Overview');
  const open = page.getByRole('region', { name: 'Open items' });
  await expect(open).toBeVisible();
  await page.screenshot({ path: path.join('test-results', 'adv-served-order-overview.png') });
  await expect(open, 'the Overview says a served order is not yet served').not.toContainText('not yet served');
});
