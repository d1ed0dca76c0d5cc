import fs from 'node:fs';
import path from 'node:path';
import { seedCase } from './harness/seedCase';
import { expect, SCREENSHOTS, test } from './fixtures';

test('case details: the filing caption (court, judge, parties, counsel) is edited once and stored for every filing', async ({ page, harness }) => {
  await seedCase(harness);
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Filing caption' }).click();
  const dialog = page.getByRole('dialog', { name: 'Filing caption' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Court', { exact: true }).fill('United States District Court\nSouthern District of New York');
  await dialog.getByLabel("Judge's initials", { exact: true }).fill('pae');
  await dialog.getByLabel('Plaintiffs', { exact: true }).fill('Microsoft Corporation');
  await dialog.getByLabel('Defendants', { exact: true }).fill('Duong Dinh Tu\nJohn Does 1-2');
  await dialog.getByLabel('Counsel name', { exact: true }).fill('Gabriel M. Ramsey');
  await dialog.getByLabel('Bar number', { exact: true }).fill('5236183');
  await dialog.getByRole('button', { name: 'Save caption' }).click();
  // Lowercase initials are refused with the field named; nothing is stored.
  await expect(dialog.getByRole('alert')).toContainText('judgeInitials must be 1 to 6 capital letters');
  expect((await harness.call('caption.get', {})).parties).toEqual([]);
  await dialog.getByLabel("Judge's initials", { exact: true }).fill('PAE');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, '23-filing-caption.png') });
  await dialog.getByRole('button', { name: 'Save caption' }).click();
  await expect(dialog).toBeHidden();
  const stored = await harness.call('caption.get', {});
  expect(stored).toMatchObject({
    court: 'United States District Court\nSouthern District of New York',
    judgeInitials: 'PAE',
    parties: [{ role: 'plaintiff', name: 'Microsoft Corporation' }, { role: 'defendant', name: 'Duong Dinh Tu' }, { role: 'defendant', name: 'John Does 1-2' }],
    counsel: [{ name: 'Gabriel M. Ramsey', barNumber: '5236183' }],
  });
});
