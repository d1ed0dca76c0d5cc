import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { DossierHarness } from './harness/DossierHarness';
import { seedCase } from './harness/seedCase';
import { axeViolations, expectAccessible } from './pages/axeCheck';
import { CasePage, type Section } from './pages/CasePage';
import { PacketDialog } from './pages/PacketDialog';
import { expect, SCREENSHOTS, test } from './fixtures';

const DIALOG = { scope: 'dialog[open]' };

/** The seeded Storm-1152 case, open on its overview, with motion reduced (no transitions mid-measure). */
async function openSeeded(page: Page, harness: DossierHarness): Promise<CasePage> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await seedCase(harness);
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  await expect(page.getByText('Preliminary injunction').first()).toBeVisible();
  return new CasePage(page);
}

// Every view and every dialog state, each checked in light and dark (three tests to stay well
// inside the per-test timeout on a busy machine).
test('axe: start screen, overview and every list with its details, light and dark', async ({ page, harness }) => {
  test.setTimeout(150_000);
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  await expectAccessible(page, 'start screen');
  await page.getByRole('button', { name: /New case/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'new case dialog', DIALOG);
  await page.keyboard.press('Escape');
  const app = await openSeeded(page, harness);
  await expectAccessible(page, 'overview');
  const lists: [Section, string][] = [
    ['Evidence', 'hotmailbox-storefront-screenshot'],
    ['Websites', 'hotmailbox.me/shop'],
    ['Court orders', 'Order granting ex parte TRO'],
    ['Stakeholders', 'NameCheap Legal'],
    ['Notes', 'Payment trail via crypto exchange'],
  ];
  for (const [section, row] of lists) {
    await app.open(section);
    await app.row(row).first().click();
    await expect(app.detail.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(app.detail.getByText('Loading')).toHaveCount(0);
    await expectAccessible(page, `${section} with details`);
  }
});

test('axe: the dialogs of a list and the palette, light and dark', async ({ page, harness }) => {
  test.setTimeout(150_000);
  const app = await openSeeded(page, harness);
  await app.open('Websites');
  await page.getByRole('button', { name: 'Add website' }).click();
  const form = page.getByRole('dialog');
  await expectAccessible(page, 'new website form', DIALOG);
  await form.getByRole('button', { name: /^Add/ }).click();
  await expect(form.locator('.field-error, [role=alert]').first()).toBeVisible();
  await expectAccessible(page, 'new website form with errors', DIALOG);
  await page.keyboard.press('Escape');
  await app.row('hotmailbox.me/shop').first().click();
  await app.detail.getByRole('button', { name: 'Edit' }).click();
  await expectAccessible(page, 'edit website', DIALOG);
  await page.keyboard.press('Escape');
  await app.detail.getByRole('button', { name: 'Link…' }).click();
  const picker = page.getByRole('dialog', { name: 'Link to another item' });
  await picker.getByLabel('Find item').fill('captcha');
  await expect(picker.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'link picker with results', DIALOG);
  await page.keyboard.press('Escape');
  await app.detail.getByRole('button', { name: 'Delete' }).click();
  await expectAccessible(page, 'delete confirmation', DIALOG);
  await page.keyboard.press('Escape');
  const palette = await app.openPalette();
  await page.keyboard.type('hotmail');
  await expect(palette.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'palette with results', { scope: 'dialog.palette' });
  await page.keyboard.press('Escape');
});

test('axe: timeline, graph, audit, team and the packet and import flows, light and dark', async ({ page, harness }) => {
  test.setTimeout(150_000);
  const app = await openSeeded(page, harness);
  for (const section of ['Timeline', 'Graph', 'Audit log', 'Team'] as const) {
    await app.open(section);
    await expectAccessible(page, section);
    if (section === 'Graph') {
      await page.getByRole('button', { name: 'Show as table' }).click();
      await expect(page.getByRole('table', { name: 'Links' })).toBeVisible();
      await expectAccessible(page, 'graph as a table');
    }
    if (section === 'Audit log') {
      await page.getByRole('button', { name: 'Verify audit chain' }).click();
      await expect(page.locator('.banner').first()).toBeVisible();
      await expectAccessible(page, 'audit verified');
    }
  }
  const packet = new PacketDialog(page);
  await packet.open();
  await expectAccessible(page, 'packet dialog', DIALOG);
  await packet.section('Declaration').uncheck();
  await packet.check();
  await expectAccessible(page, 'packet dialog with check results', DIALOG);
  await page.keyboard.press('Escape');

  const csv = path.join(harness.dir, 'sites.csv');
  fs.writeFileSync(csv, 'site\nfresh-one.example\nbad..domain\n');
  harness.answers.openFiles.siteList = csv;
  await app.open('Websites');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await expect(page.getByRole('dialog', { name: 'Import websites' })).toBeVisible();
  await expectAccessible(page, 'site import mapping', DIALOG);
  await page.getByRole('dialog', { name: 'Import websites' }).getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('dialog', { name: 'Import finished' })).toBeVisible();
  await expectAccessible(page, 'site import report', DIALOG);
  await page.getByRole('dialog', { name: 'Import finished' }).getByRole('button', { name: 'Done' }).click();
});

test('forced colours: focus, selection and the current item keep a system-coloured outline', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'High contrast' } });
  for (const input of ['alpha.example', 'beta.example']) await harness.call('websites.add', { input });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Websites');
  await app.grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(app.detail.getByRole('heading', { name: 'alpha.example' })).toBeVisible();
  const outline = (locator: ReturnType<typeof page.locator>) =>
    locator.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
  // The grid's focus ring (was a box-shadow, which forced colours drop), the selected row, the current section.
  expect(await outline(app.grid)).toMatchObject({ style: 'solid' });
  expect((await outline(app.grid)).width).toBeGreaterThanOrEqual(2);
  expect(await outline(app.row('alpha.example'))).toMatchObject({ style: 'solid' });
  const current = page.getByRole('navigation', { name: 'Case sections' }).locator('[aria-current="page"]');
  expect(await outline(current)).toMatchObject({ style: 'solid' });
  const palette = await app.openPalette();
  await page.keyboard.type('alpha');
  const active = palette.locator('.palette-item.is-active');
  await expect(active).toBeVisible();
  expect(await outline(active)).toMatchObject({ style: 'solid' });
  expect(await outline(palette.locator('.palette-input-row'))).toMatchObject({ style: 'solid' });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, '40-forced-colours-palette.png') });
  // Without forced colours the selection is not an outline: the check above is about the media query.
  await page.emulateMedia({ forcedColors: 'none' });
  expect(await outline(app.row('alpha.example'))).toMatchObject({ style: 'none' });
});

test('axe catches a planted low-contrast colour', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Contrast probe' } });
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: 'Contrast probe', level: 1 })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // The muted text token at 2.3:1 on the page background: the check must see it.
  await page.evaluate(() => {
    document.documentElement.style.setProperty('--text-muted', '#a9a9b0');
    document.documentElement.style.setProperty('--text-faint', '#b4b4bb');
  });
  const violations = await axeViolations(page);
  expect(violations.some((v) => v.startsWith('color-contrast'))).toBe(true);
});
