import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

test('a file name with a right-to-left override is flagged on import and shown spelled out, never reordered', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Evidence case' } });
  // Shows as "invoiceexe.pdf" wherever the override is live.
  const file = path.join(harness.dir, 'invoice\u202Efdp.exe');
  fs.writeFileSync(file, 'MZ');
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.dropFile(file, 'MZ', 'application/octet-stream');

  const notice = page.getByRole('dialog', { name: 'Check these files' });
  await expect(notice).toContainText('contains bidirectional override characters');
  await notice.getByRole('button', { name: 'OK' }).click();
  await app.row('invoice\\u202efdp.exe').click();
  await expect(app.detail).toContainText('invoice\\u202efdp.exe');
  await expect(app.detail.getByRole('note')).toContainText('characters that reorder or hide how it is shown');
  expect(await app.detail.textContent()).not.toContain('\u202E');
});
