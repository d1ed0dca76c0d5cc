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

  // What webUtils.getPathForFile answers in Electron: the dropped File's path on disk.
  await page.evaluate(([name, p]) => {
    (window as unknown as { __dossierDroppedPaths: Record<string, string> }).__dossierDroppedPaths = { [name]: p };
  }, [path.basename(file), file] as const);
  const dataTransfer = await page.evaluateHandle((name) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['GET /shop HTTP/1.1'], name, { type: 'text/plain' }));
    return dt;
  }, path.basename(file));
  await page.dispatchEvent('.case-layout', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import as evidence')).toBeVisible();
  await page.dispatchEvent('.case-layout', 'drop', { dataTransfer });

  await expect.poll(() => harness.requests.filter((r) => r.channel === 'evidence.import').map((r) => (r.request as { paths: string[] }).paths)).toEqual([[file]]);

  // Needs the evidence vault's evidence.import handler:
  await expect(app.row('capture-hotmailbox')).toBeVisible();
  await app.row('capture-hotmailbox').click();
  await expect(app.detail).toContainText(/[0-9a-f]{64}/);
  await expect(app.detail.getByRole('heading', { name: /Chain of custody/ })).toBeVisible();
});
