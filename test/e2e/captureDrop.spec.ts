import fs from 'node:fs';
import path from 'node:path';
import { captureRecords, SITE_PATHS, startCapturedSite } from '../helpers/captureFixtures';
import { CasePage } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

test('dropping a truncated WARC imports it as a capture through captures.import and says it was only partly read', async ({ page, harness }) => {
  const site = await startCapturedSite();
  const warc = Buffer.concat(await captureRecords(site.base, SITE_PATHS));
  await site.close();
  const file = path.join(harness.dir, 'shop.warc');
  fs.writeFileSync(file, warc.subarray(0, warc.length - 60));
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Capture drop' } });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');

  await app.dropFile(file, 'WARC/1.1', 'application/warc');

  await expect.poll(() => harness.requests.filter((r) => r.channel === 'captures.import').map((r) => (r.request as { path: string }).path)).toEqual([file]);
  expect(harness.requests.filter((r) => r.channel === 'evidence.import')).toEqual([]);
  await expect(page.getByText('shop.warc was only partly read')).toBeVisible();
  await expect(page.getByText(/cut short|no valid Content-Length/).first()).toBeVisible();
  const captures = await harness.call('captures.list', {});
  expect(captures.map((c) => c.import_status)).toEqual(['partial']);
  // The exhibit's detail says the capture is incomplete and why, with the offset.
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  const panel = app.detail.getByTestId('captures-panel');
  await expect(panel).toContainText('Incomplete: part of the archive could not be read');
  await expect(panel).toContainText(`at offset ${captures[0]!.problems[0]!.offset}`);
  await expect(panel.getByRole('listitem').filter({ hasText: 'Hotmailbox accounts for sale' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'capture-incomplete.png') });

  // The same archive dropped again is not imported a second time: its exhibit is selected and the notice says so.
  await app.dropFile(file, 'WARC/1.1', 'application/warc');
  const notice = page.getByRole('dialog');
  await expect(notice).toContainText('shop.warc is already in this case as Exhibit 1');
  await expect(notice).toContainText('It was not imported again; that exhibit is selected.');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'capture-already-imported.png') });
  expect((await harness.call('captures.list', {})).map((c) => c.evidence_id)).toEqual([captures[0]!.evidence_id]);
});
