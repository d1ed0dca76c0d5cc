import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seedCase } from './harness/seedCase';
import { CasePage, type Section } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test('screenshots of every main view, light and dark', async ({ page, harness }) => {
  test.setTimeout(120_000);
  harness.answers.recent = [
    { path: '/cases/storm-1152.dossier', title: 'Storm-1152 fraudulent account marketplace', openedAt: '2026-11-24T09:12:00.000Z' },
    { path: '/cases/lumma-stealer.dossier', title: 'Lumma Stealer infrastructure takedown', openedAt: '2026-11-18T16:40:00.000Z' },
    { path: '/cases/onnx-phishing.dossier', title: 'ONNX phishing-as-a-service', openedAt: '2026-10-02T11:05:00.000Z' },
  ];
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  await shot(page, '01-start');
  await page.getByRole('button', { name: /New case/ }).click();
  await shot(page, '02-new-case');
  await page.keyboard.press('Escape');

  const seeded = await seedCase(harness);
  await page.reload();
  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  await expect(page.getByText('Preliminary injunction').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Expiring soon' }).getByText('1stcaptcha.com')).toBeVisible();
  await shot(page, '03-overview');

  const views: [Section, string, string | null][] = [
    ['Evidence', '04-evidence', 'hotmailbox-storefront-screenshot'],
    ['Websites', '05-websites', 'hotmailbox.me/shop'],
    ['Court orders', '06-orders', 'Order granting ex parte TRO'],
    ['Stakeholders', '07-stakeholders', 'NameCheap Legal'],
    ['Notes', '08-notes', 'Payment trail via crypto exchange'],
    ['Timeline', '09-timeline', null],
    ['Graph', '10-graph', null],
    ['Audit log', '11-audit', null],
  ];
  for (const [section, name, select] of views) {
    await app.open(section);
    if (select) {
      await app.row(select).click();
      await expect(app.detail.getByRole('heading', { level: 2 }).first()).toBeVisible();
    }
    if (section === 'Graph') {
      await page.getByRole('button', { name: 'hotmailbox.me/shop, Website' }).click();
      await expect(app.detail).toBeVisible();
    }
    if (section === 'Audit log') {
      await page.getByRole('button', { name: 'Verify audit chain' }).click();
      await expect(page.getByText(/Audit chain intact/)).toBeVisible();
    }
    await shot(page, name);
  }

  await app.open('Websites');
  await app.row('hotmailbox.me/shop').click();
  await app.detail.getByRole('button', { name: 'Link…' }).click();
  await page.getByLabel('Find item').fill('captcha');
  await expect(page.getByRole('dialog', { name: 'Link to another item' }).getByRole('option').first()).toBeVisible();
  await shot(page, '12-link-picker');
  await page.keyboard.press('Escape');

  await app.detail.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Registrar IANA id').fill('twelve');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('must be a number (IANA registrar id)')).toBeVisible();
  await shot(page, '13-form-error');
  await page.keyboard.press('Escape');

  const palette = await app.openPalette();
  await palette.getByRole('combobox').fill('captcha');
  await expect(palette.getByRole('option').first()).toBeVisible();
  await shot(page, '14-palette');
  await page.keyboard.press('Escape');

  await app.open('Notes');
  await app.row('Payment trail').click();
  await app.detail.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await shot(page, '15-note-editor');
  await page.keyboard.press('Escape');

  // Dark theme through the toggle.
  await page.getByRole('radio', { name: 'Dark theme' }).click();
  await app.open('Overview');
  await shot(page, '16-overview-dark');
  await app.open('Websites');
  await app.row('hotmailbox.me/shop').click();
  await shot(page, '17-websites-dark');
  await app.open('Graph');
  await shot(page, '18-graph-dark');
  await app.open('Court orders');
  await app.row('Order granting ex parte TRO').click();
  await shot(page, '19-orders-dark');
  void seeded;
});
