import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createVaultIdentity } from '../../src-main/share/identityVault';
import { formatPublicIdentity } from '../../src-main/share/publicIdentity';
import { expect, test } from './fixtures';

/** Presses Tab until `target` has focus (at most `max` presses) and returns how many it took. */
async function tabTo(page: Page, target: Locator, max = 30): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}

/** The focused element, described for a failure message. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"` : 'nothing';
  });
}

test('keyboard only: new case, add a website, link it to an order; focus lands on each step', async ({ page, harness }) => {
  harness.answers.newCasePath = harness.casePath('keyboard.dossier');
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: /New case/ }));
  await page.keyboard.press('Enter');
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await expect(newCase.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Keyboard case');
  await page.keyboard.press('Enter');
  // The case opens on its title.
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard case' }), await focused(page)).toBeFocused();

  // The skip link is the first stop and goes straight to the view.
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Websites' })).toBeVisible();
  // The view's heading took focus when the old view's heading went away.
  await expect(page.getByRole('heading', { level: 1, name: 'Websites' }), await focused(page)).toBeFocused();
  // The skip link is the first Tab stop of the window, shown when focused.
  const skip = page.getByRole('link', { name: 'Skip to the view' });
  expect(await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea, [tabindex="0"]')?.textContent)).toBe('Skip to the view');
  await skip.focus();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Websites' })).toBeFocused();
  const presses = await tabTo(page, page.getByRole('button', { name: 'Add website' }));
  expect(presses, 'Add website is a few Tabs past the skip link, not 21').toBeLessThanOrEqual(6);
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: /New website|Add website/ });
  await expect(form.getByRole('textbox').first()).toBeFocused();
  await page.keyboard.type('hotmailbox.me');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add website' }), await focused(page)).toBeFocused();
  await expect(page.getByRole('complementary').getByRole('heading', { name: 'hotmailbox.me' })).toBeVisible();

  // F6: sidebar -> list -> details.
  await harness.call('orders.create', { title: 'Ex parte TRO', docket: '1:23-cv-1', court: 'SDNY', order_type: 'ex_parte_tro' });
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  const detail = page.getByRole('complementary');
  const heading = detail.getByRole('heading', { level: 2, name: 'hotmailbox.me' });
  if (!(await heading.evaluate((el) => el === document.activeElement))) await page.keyboard.press('F6');
  await expect(heading, await focused(page)).toBeFocused();
  await tabTo(page, detail.getByRole('button', { name: 'Link…' }));
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Link to another item' });
  await expect(picker.getByLabel('Find item')).toBeFocused();
  await page.keyboard.type('TRO');
  await expect(picker.getByRole('option').first()).toContainText('Ex parte TRO');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(detail.getByRole('button', { name: 'Link…' }), await focused(page)).toBeFocused();
  await expect(detail.getByRole('list', { name: 'Linked items' })).toContainText('Ex parte TRO');

  // Closing the pane returns focus to the list, on the row that was open.
  await tabTo(page, detail.getByRole('button', { name: 'Close details' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('grid'), await focused(page)).toBeFocused();
  // Deleting: the confirmation starts on Cancel; afterwards focus is on the list, not the page.
  await page.keyboard.press('ArrowDown');
  await tabTo(page, page.getByRole('complementary').getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: /Delete this website/ });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('grid').or(page.getByRole('heading', { level: 1, name: 'Websites' })), await focused(page)).toBeFocused();
});

test('keyboard only: import a CSV, export a packet, share; each dialog step takes focus', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Keyboard flows', code_name: 'KEYS' } });
  await harness.call('identity.create', { name: 'Dana Whitfield' });
  const bob = await createVaultIdentity({ filePath: path.join(harness.dir, 'bob', 'vault.json'), safeStorage: harness.safeStorage }, 'Bob Teammate');
  await harness.call('roster.add', { identityLine: formatPublicIdentity(bob.publicIdentity) });
  const csv = path.join(harness.dir, 'sites.csv');
  fs.writeFileSync(csv, 'site\nfirst.example\nsecond.example\n');
  harness.answers.openFiles.siteList = csv;
  harness.answers.savePaths.packet = path.join(harness.dir, 'packet');
  harness.answers.savePaths.share = path.join(harness.dir, 'share');
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard flows' })).toBeFocused();

  // Import CSV: mapping step -> "Import finished" (its Done button) -> back to the button that started it.
  await page.keyboard.press('Control+3');
  const importButton = page.getByRole('button', { name: 'Import CSV…' });
  await tabTo(page, importButton, 40);
  await page.keyboard.press('Enter');
  const mapping = page.getByRole('dialog', { name: 'Import websites' });
  await expect(mapping).toBeVisible();
  await expect(mapping.locator(':focus'), await focused(page)).toHaveCount(1);
  await tabTo(page, mapping.getByRole('button', { name: 'Import', exact: true }));
  await page.keyboard.press('Enter');
  const finished = page.getByRole('dialog', { name: 'Import finished' });
  await expect(finished.getByRole('button', { name: 'Done' }), await focused(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(importButton, await focused(page)).toBeFocused();

  // Export packet: form -> "Packet exported" (Done) -> back to "Export packet".
  const exportButton = page.getByRole('button', { name: 'Export packet' });
  await tabTo(page, exportButton, 40);
  await page.keyboard.press('Enter');
  const packet = page.getByRole('dialog', { name: 'Export filing packet' });
  await expect(packet.locator(':focus'), await focused(page)).toHaveCount(1);
  // A filing names who signs it: typed into the declarant fields, by keyboard.
  for (const [label, value] of [['Declarant name', 'Dana Whitfield'], ['Declarant role', 'Investigator'], ['Place of signing', 'Redmond, Washington']] as const) {
    await tabTo(page, packet.getByLabel(label, { exact: true }), 80);
    await page.keyboard.type(value);
  }
  await tabTo(page, packet.getByRole('button', { name: 'Export…' }), 80);
  await page.keyboard.press('Enter');
  const exported = page.getByRole('dialog', { name: 'Packet exported' });
  await expect(exported.getByRole('button', { name: 'Done' }), await focused(page)).toBeFocused({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await expect(exportButton, await focused(page)).toBeFocused();

  // Share: form (teammate chosen) -> "Case shared" (Done) -> back to "Share".
  const shareButton = page.getByRole('button', { name: 'Share', exact: true });
  await page.keyboard.press('Shift+Tab');
  await expect(shareButton).toBeFocused();
  await page.keyboard.press('Enter');
  const share = page.getByRole('dialog', { name: 'Share case' });
  await expect(share.getByRole('checkbox', { name: /Bob Teammate/ })).toBeChecked();
  await tabTo(page, share.getByRole('button', { name: 'Share…' }));
  await page.keyboard.press('Enter');
  const shared = page.getByRole('dialog', { name: 'Case shared' });
  await expect(shared.getByRole('button', { name: 'Done' }), await focused(page)).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await expect(shareButton, await focused(page)).toBeFocused();
});
