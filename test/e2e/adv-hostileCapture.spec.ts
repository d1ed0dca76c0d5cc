import fs from 'node:fs';
import path from 'node:path';
import { oneHtmlPageHar } from '../helpers/advHar';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * Adversarial reproduction (expected to FAIL until fixed): a web capture is hostile evidence, yet
 * its page title (decoded from `&#x202E;` in <title>), its URL and its tool name reach the
 * Captures panel and the replay dialog with their bidi controls live, so "Invoice \u202Efdp.exe"
 * shows as "Invoice exe.pdf". The CLI spells them out (`capture list`), and an evidence file name
 * with the same characters is spelled out and flagged in the app (hostileNames.spec.ts); the
 * capture panel must do the same.
 */
function hostileHar(): string {
  const html = '<html><head><title>Invoice &#x202E;fdp.exe</title></head><body><h1>Hello</h1></body></html>';
  return oneHtmlPageHar({ url: 'https://hotmailbox.me/\u202Eevil', html, tool: 'Evil\u202ETool' });
}

test('a captured page title, URL and tool with bidi overrides are shown spelled out, never reordered', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Hostile capture' } });
  const file = path.join(harness.dir, 'hostile.har');
  fs.writeFileSync(file, hostileHar());
  const imported = await harness.call('captures.import', { path: file, createSites: true });
  expect(imported.capture.import_status).toBe('complete');

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await app.row('hotmailbox.me').click();
  const panel = page.getByTestId('captures-panel');
  await expect(panel.getByRole('heading', { name: 'Captures' })).toBeVisible();
  await expect(panel.getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: path.join('test-results', 'adv-hostile-capture.png') });
  const shown = (await panel.textContent()) ?? '';
  expect(shown, 'the Captures panel shows a live U+202E').not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(shown).toContain('\\u202e');

  await panel.getByRole('button', { name: 'Replay' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const header = (await dialog.locator('header, h2, .dialog-description').allTextContents()).join(' ');
  expect(header, 'the replay dialog title shows a live U+202E').not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});
