import fs from 'node:fs';
import path from 'node:path';
import { captureRecords, SITE_PATHS, startCapturedSite } from '../helpers/captureFixtures';
import { CasePage } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

test('a captured page replays offline from the stored archive, with its image, and nothing outside the archive is requested', async ({ page, harness, server }) => {
  // Capture the site, then take it down: the archive is all there is.
  const site = await startCapturedSite();
  const warc = Buffer.concat(await captureRecords(site.base, SITE_PATHS.filter((p) => p !== '/style.css')));
  await site.close();
  const file = path.join(harness.dir, 'shop.warc');
  fs.writeFileSync(file, warc);
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Capture replay', code_name: 'REPLAY' } });
  const imported = await harness.call('captures.import', { path: file, createSites: true });
  expect(imported.capture.import_status).toBe('complete');

  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await app.row('127.0.0.1').click();
  const panel = page.getByTestId('captures-panel');
  await expect(panel.getByRole('heading', { name: 'Captures' })).toBeVisible();
  const entry = panel.getByRole('listitem').filter({ hasText: 'Hotmailbox accounts for sale' });
  await expect(entry).toContainText('Exhibit 1');
  await entry.getByRole('button', { name: 'Replay' }).click();

  const frame = page.frameLocator('[data-testid="replay-frame"]');
  await expect(frame.getByRole('heading', { name: 'Outlook accounts, verified' })).toBeVisible();
  const image = frame.locator('img[alt="logo"]');
  await expect(image).toHaveJSProperty('naturalWidth', 16);
  await expect(page.getByTestId('replay-missing')).toContainText(`${site.base}/style.css`);
  await expect(page.getByTestId('replay-frame')).toHaveAttribute('sandbox', '');
  // The harness has no dossier-archive: protocol: the scripts toggle is off, disabled, and says why.
  const scripts = page.getByTestId('replay-scripts');
  await expect(scripts.getByRole('checkbox')).toBeDisabled();
  await expect(scripts.getByRole('checkbox')).not.toBeChecked();
  await expect(scripts).toContainText('unavailable in this window');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'capture-replay.png') });

  // Every request was the app's own files or the archive's inlined data; none went to the captured site.
  const origin = new URL(server.url).origin;
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(outside).toEqual([]);
  expect(requests.some((url) => url.startsWith('blob:'))).toBe(true);
  expect(requests.filter((url) => url.includes(new URL(site.base).host))).toEqual([]);
});
