import { CasePage } from './pages/CasePage';
import { StartPage } from './pages/StartPage';
import { expect, test } from './fixtures';

test('create a case, add a website, an order and a stakeholder, link them both ways', async ({ page, harness }) => {
  harness.answers.newCasePath = harness.casePath('storm.dossier');
  const start = new StartPage(page);
  await start.goto();
  await start.createCase({ 'Case title': 'Operation Storm', 'Code name': 'STORM-1152' });

  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: 'Operation Storm', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Case sections' })).toContainText('STORM-1152');

  await app.open('Websites');
  let form = await app.startCreate('Add website');
  await form.fill({ 'URL or domain': 'https://hotmailbox.me/shop', Role: 'marketplace', Registrar: 'NameCheap, Inc.' });
  await form.submit('Add website');
  await expect(app.row('hotmailbox.me/shop')).toBeVisible();
  await expect(app.detail.getByRole('heading', { name: 'hotmailbox.me/shop' })).toBeVisible();

  await app.open('Court orders');
  form = await app.startCreate('New court order');
  await form.fill({ Title: 'Order granting ex parte TRO', Docket: '1:23-cv-10685', Court: 'S.D.N.Y.', Type: 'ex_parte_tro', Granted: '2023-12-07' });
  await form.submit('Add court order');
  await expect(app.row('Order granting ex parte TRO')).toBeVisible();
  await app.addLink('hotmailbox', 'hotmailbox.me', 'covers');
  await expect(app.linkedItems().filter({ hasText: 'hotmailbox.me/shop' })).toContainText('covers →');

  await app.open('Stakeholders');
  form = await app.startCreate('New stakeholder');
  await form.fill({ Name: 'Jane Abuse Desk', Organisation: 'NameCheap, Inc.', Kind: 'registrar', 'E-mail': 'abuse@example.net' });
  await form.submit('Add stakeholder');
  await expect(app.row('Jane Abuse Desk')).toBeVisible();
  await app.addLink('hotmailbox', 'hotmailbox.me', 'registrar of');
  await app.addLink('TRO', 'Order granting ex parte TRO', 'served on');

  // Each sees the others in its linked items.
  await app.open('Websites');
  await app.row('hotmailbox.me/shop').click();
  await expect(app.linkedItems()).toHaveCount(2);
  await expect(app.linkedItems().filter({ hasText: 'Order granting ex parte TRO' })).toContainText('← covers');
  await expect(app.linkedItems().filter({ hasText: 'Jane Abuse Desk' })).toContainText('← registrar of');

  await app.open('Court orders');
  await app.row('Order granting ex parte TRO').click();
  await expect(app.linkedItems()).toHaveCount(2);
  await expect(app.linkedItems().filter({ hasText: 'Jane Abuse Desk' })).toContainText('← served on');

  // Clicking a linked item opens it in its own list.
  await app.linkedItems().filter({ hasText: 'Jane Abuse Desk' }).getByRole('button', { name: /^Jane Abuse Desk/ }).click();
  await expect(page.getByRole('heading', { name: 'Stakeholders', level: 1 })).toBeVisible();
  await expect(app.detail.getByRole('heading', { name: 'Jane Abuse Desk' })).toBeVisible();
  await expect(app.linkedItems()).toHaveCount(2);

  // What the UI shows is what the case file holds.
  const summary = await harness.call('case.summary', {});
  expect(summary?.counts).toMatchObject({ website: 1, order: 1, stakeholder: 1 });
});
