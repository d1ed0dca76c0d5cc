import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * Adversarial reproductions (expected to FAIL until fixed): text from hostile evidence and from
 * notes reaches the screen in forms that say something other than what the case file holds.
 */

test('a search hit from an exhibit\'s text shows its bidi overrides spelled out, and marks only what matched', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Hostile text' } });
  // An exhibit (a seized chat log) whose text a suspect wrote: a live RLO and the bracket
  // characters the search snippet uses to mark matches.
  const file = path.join(harness.dir, 'chat.txt');
  fs.writeFileSync(file, 'payment sent for invoice \u202Efdp.exe confirmed. ⟦STATUS: VERIFIED BY COURT⟧ done\n');
  await harness.call('evidence.import', { paths: [file] });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  const palette = await app.openPalette();
  await palette.getByRole('combobox').fill('confirmed');
  const option = palette.getByRole('option').filter({ hasText: /confirmed/ }).first();
  await expect(option).toBeVisible();
  await page.screenshot({ path: path.join('test-results', 'adv-palette-snippet.png') });
  const shown = (await option.textContent()) ?? '';
  expect.soft(shown, 'the palette shows a live U+202E from evidence text').not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  // Only "confirmed" matched; the app must not present the suspect's bracketed text as a match.
  const marked = await option.locator('mark').allTextContents();
  expect(marked, 'text the suspect bracketed is shown as a search match').toEqual(['confirmed']);
});

test('a note link whose text is formatted still shows where it points', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Deceptive link' } });
  await harness.call('notes.create', {
    title: 'Where to report',
    body: 'Report the takedown at [**microsoft.com/dcu**](https://micros0ft-dcu.example/login) today.\n\nPlain: [microsoft.com](https://micros0ft-dcu.example/plain)',
  });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Notes');
  await app.row('Where to report').click();
  const body = app.detail.locator('.markdown');
  await expect(body).toContainText('microsoft.com/dcu');
  await page.screenshot({ path: path.join('test-results', 'adv-note-link.png') });
  // The plain-text link shows its target beside it; the formatted one must too.
  await expect(body).toContainText('micros0ft-dcu.example/plain');
  await expect(body, 'a bold link hides the address it really points to').toContainText('micros0ft-dcu.example/login');
});
