import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * A court order's date given as a time keeps its own offset (calendarDate keepOffset): the UI shows
 * it on that clock, the day and hour written where it happened, whatever this computer's zone. An
 * evening grant in New York is never shown as granted on the 8th.
 */
test("an order's dates given with a time are shown on their own clock", async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Offsets' } });
  await harness.call('orders.create', {
    title: 'Evening TRO',
    docket: '1:23-cv-10685',
    court: 'S.D.N.Y.',
    order_type: 'ex_parte_tro',
    filed_at: '2023-12-08T01:00+14:00',
    granted_at: '2023-12-07T20:00-05:00',
  });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Court orders');
  await app.row('Evening TRO').click();
  await expect(app.detail).toContainText('08 Dec 2023, 01:00 UTC+14:00');
  await expect(app.detail).toContainText('07 Dec 2023, 20:00 UTC-05:00');
});
