import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/**
 * Depends on 'evidence.import' (the evidence issue). Until its handler lands on main, the first
 * half passes (the drop reaches evidence.import with the file's path) and the second half fails
 * with "Evidence import is not available in this build yet."
 */
test('dropping a file imports it as evidence through evidence.import', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Evidence case' } });
  const file = path.join(harness.dir, 'capture-hotmailbox.txt');
  fs.writeFileSync(file, 'GET /shop HTTP/1.1\nHost: hotmailbox.me\n\n<html>fake account shop</html>\n');
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');

  await app.dropFile(file, 'GET /shop HTTP/1.1', 'text/plain');

  await expect.poll(() => harness.requests.filter((r) => r.channel === 'evidence.import').map((r) => (r.request as { paths: string[] }).paths)).toEqual([[file]]);

  // Needs the evidence vault's evidence.import handler:
  await expect(app.row('capture-hotmailbox')).toBeVisible();
  await app.row('capture-hotmailbox').click();
  await expect(app.detail).toContainText(/[0-9a-f]{64}/);
  await expect(app.detail.getByRole('heading', { name: /Chain of custody/ })).toBeVisible();
});
