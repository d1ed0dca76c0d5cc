import fs from 'node:fs';
import path from 'node:path';
import { oneHtmlPageHar } from '../helpers/advHar';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * A capture file may state a time without a zone (a HAR's startedDateTime "2024-03-01T12:00:00.000").
 * It is stored as written and names no instant (src-main/contract/statedTime); packets and the CLI
 * print it "(no time zone stated)". The Captures panel and the replay dialog must say so too, and
 * never present it as a time in the zone of whoever is looking. The browser runs in New York here,
 * so a time read in the local zone would also be visibly shifted.
 */
test.use({ timezoneId: 'America/New_York' });

function pageHtml(title: string): string {
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
}

test('a captured time without a zone is marked "no time zone stated", one with a zone is not', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Capture times' } });
  const noZone = path.join(harness.dir, 'no-zone.har');
  fs.writeFileSync(noZone, oneHtmlPageHar({ url: 'https://hotmailbox.me/shop', html: pageHtml('Shop without zone'), startedDateTime: '2024-03-01T12:00:00.000' }));
  const zoned = path.join(harness.dir, 'zoned.har');
  fs.writeFileSync(zoned, oneHtmlPageHar({ url: 'https://hotmailbox.me/cart', html: pageHtml('Cart with zone'), startedDateTime: '2024-03-01T12:00:00.000Z' }));
  expect((await harness.call('captures.import', { path: noZone, createSites: true })).pages[0]!.captured_at).toBe('2024-03-01T12:00:00.000');
  await harness.call('captures.import', { path: zoned, createSites: true });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await app.row('hotmailbox.me').click();
  const panel = page.getByTestId('captures-panel');
  const withoutZone = panel.getByRole('listitem').filter({ hasText: 'Shop without zone' });
  const withZone = panel.getByRole('listitem').filter({ hasText: 'Cart with zone' });
  await expect(withZone).toBeVisible();
  await withoutZone.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'capture-no-zone-panel.png') });
  // The wall time as written, never shifted to New York (07:00), and said to have no zone.
  await expect(withoutZone).toContainText('captured 01 Mar 2024, 12:00 (no time zone stated)');
  // An instant is this computer's local time, as everywhere in the app: 12:00 UTC is 07:00 in New York.
  await expect(withZone).toContainText('captured 01 Mar 2024, 07:00');
  await expect(withZone).not.toContainText('no time zone stated');

  await withoutZone.getByRole('button', { name: 'Replay' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('captured 01 Mar 2024, 12:00 (no time zone stated)');
  await page.screenshot({ path: path.join('test-results', 'capture-no-zone-replay.png') });
});

/**
 * A one-record WARC whose WARC-Date is whatever the archive says: warcio reads it, our scan keeps
 * text that is no time as written (captures/scanWarc). warcio reads header lines as Latin-1, so a
 * control character reaches the case file only as ASCII: an ESC starting a terminal sequence.
 */
function warcWithDate(url: string, date: string, html: string): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(html)}\r\n\r\n${html}`);
  const head = Buffer.from(
    `WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0b5e3c8e-7d2a-4f7e-9a43-2f1d6c0e9b11>\r\nWARC-Date: ${date}\r\n` +
      `WARC-Target-URI: ${url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`,
  );
  return Buffer.concat([head, http, Buffer.from('\r\n\r\n')]);
}

test('a captured time that is no time at all is shown as the archive wrote it, spelled out', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Capture times' } });
  const file = path.join(harness.dir, 'shop.warc');
  fs.writeFileSync(file, warcWithDate('https://hotmailbox.me/shop', 'last thursday\x1b[8m', pageHtml('Shop')));
  const imported = await harness.call('captures.import', { path: file, createSites: true });
  expect(imported.pages[0]!.captured_at).toBe('last thursday\x1b[8m');

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await app.row('hotmailbox.me').click();
  const entry = page.getByTestId('captures-panel').getByRole('listitem').filter({ hasText: 'Shop' });
  await expect(entry).toContainText('captured last thursday\\x1b[8m');
  expect(await entry.textContent()).not.toContain('\x1b');
  await entry.getByRole('button', { name: 'Replay' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('captured last thursday\\x1b[8m');
  expect(await dialog.textContent()).not.toContain('\x1b');
});
