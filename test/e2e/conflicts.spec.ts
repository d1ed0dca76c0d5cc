import path from 'node:path';
import { mergeEditConflict } from './harness/mergeEditConflict';
import { seedCase } from './harness/seedCase';
import { CasePage } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

test('a merge that overwrote my edit shows in Conflicts with a badge; keeping mine writes it back', async ({ page, harness }) => {
  await seedCase(harness);
  const noteId = await mergeEditConflict(harness, { mine: 'Mine: seize via the registrar', theirs: 'Theirs: seize via the registry' });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Case sections' });
  await expect(nav.getByRole('button', { name: /^Conflicts/ })).toContainText('1');
  await app.open('Conflicts');
  const card = page.getByRole('article');
  await expect(card).toContainText('Edited on two copies');
  await expect(card).toContainText('Theirs: seize via the registry');
  await expect(card).toContainText('Mine: seize via the registrar');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'conflicts.png') });
  await card.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByRole('status')).toContainText('No conflicts to review.');
  await expect(nav.getByRole('button', { name: /^Conflicts/ })).not.toContainText('1');
  const after = await harness.call('items.get', { id: noteId });
  expect((after.item as { body: string }).body).toBe('Mine: seize via the registrar');
});
