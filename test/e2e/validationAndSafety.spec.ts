import { CasePage } from './pages/CasePage';
import { FormDialog } from './pages/FormDialog';
import { expect, test } from './fixtures';

test('a bad form value shows the contract error and saves nothing', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Validation case' } });
  await page.goto('/index.html');
  const app = new CasePage(page);

  await app.open('Stakeholders');
  const form = await app.startCreate('New stakeholder');
  await form.fill({ Name: 'Bad Mail', 'E-mail': 'not-an-email' });
  await form.submit('Add stakeholder');
  await expect(form.errorFor('E-mail')).toHaveText('is not an e-mail address');
  await expect(form.field('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.root).toBeVisible();
  expect((await harness.call('items.list', { kind: 'stakeholder' })).items).toHaveLength(0);

  // Fixing the value saves it.
  await form.fill({ 'E-mail': 'good@example.org' });
  await form.submit('Add stakeholder');
  await expect(form.root).toBeHidden();
  expect((await harness.call('items.list', { kind: 'stakeholder' })).items).toHaveLength(1);

  await app.open('Websites');
  const site = await app.startCreate('Add website');
  await site.fill({ 'URL or domain': 'example.net', 'Registrar IANA id': 'abc' });
  await site.submit('Add website');
  await expect(site.errorFor('Registrar IANA id')).toHaveText('must be a number (IANA registrar id)');
  expect((await harness.call('items.list', { kind: 'website' })).items).toHaveLength(0);
});

test('HTML in a note is shown as text and never runs', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Safety case' } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = new FormDialog(page, 'New note');
  const payload = [
    'Suspicious snippet from the kit:',
    '',
    '<img src=x onerror="window.__pwned = 1; alert(1)">',
    '',
    '<script>window.__pwned = 2; alert(2)</script>',
    '',
    '[click me](javascript:window.__pwned=3) and ![tracker](https://tracker.example/p.png)',
  ].join('\n');
  await editor.fill({ Title: 'Phishing kit markup' });
  await editor.root.getByLabel('Note text (Markdown)').fill(payload);
  await editor.root.getByRole('tab', { name: 'Preview' }).click();
  await expect(editor.root.getByText('<script>window.__pwned = 2; alert(2)</script>')).toBeVisible();
  await editor.submit('Add note');
  await expect(editor.root).toBeHidden();

  const body = app.detail.locator('.markdown');
  await expect(body).toContainText('<img src=x onerror="window.__pwned = 1; alert(1)">');
  await expect(body).toContainText('<script>window.__pwned = 2; alert(2)</script>');
  await expect(body).toContainText('javascript:window.__pwned=3');
  await expect(body.locator('img, script, a, iframe, object, embed')).toHaveCount(0);
  await expect(page.locator('img[src="x"], img[src*="tracker"]')).toHaveCount(0);
  await app.detail.getByText('click me').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page).toHaveURL(/index\.html$/);
});
