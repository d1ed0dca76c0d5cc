import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seedCase } from './harness/seedCase';
import { CasePage, type Section } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

const SECTIONS: Section[] = ['Overview', 'Evidence', 'Websites', 'Court orders', 'Stakeholders', 'Notes', 'Timeline', 'Graph', 'Audit log', 'Team', 'Conflicts'];

/** The page itself never scrolls sideways (the grid may, inside its own box). */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const wide = (el: Element) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden';
    return wide(document.documentElement) || wide(document.body) || Array.from(document.querySelectorAll('.case-layout, .workspace, .view, .topbar, .view-header')).some((el) => el.scrollWidth > el.clientWidth + 1);
  });
}

// 320 CSS px (WCAG 1.4.10, = 400% zoom of 1280 px), 200% zoom of a 1440 x 900 window, and forced colours.
const MODES = [
  { name: '320px', viewport: { width: 320, height: 640 }, scale: 1, forced: false },
  { name: 'zoom200', viewport: { width: 720, height: 450 }, scale: 2, forced: false },
  { name: 'forced', viewport: { width: 1280, height: 800 }, scale: 1, forced: true },
] as const;

for (const mode of MODES) {
  test.describe(mode.name, () => {
  test.use({ viewport: mode.viewport, deviceScaleFactor: mode.scale });
  test(`every view at ${mode.name}: no sideways scrolling, details over the list, screenshots`, async ({ page, harness }) => {
    test.setTimeout(120_000);
    if (mode.forced) await page.emulateMedia({ forcedColors: 'active' });
    await seedCase(harness);
    await page.goto('/index.html');
    const app = new CasePage(page);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [i, section] of SECTIONS.entries()) {
      await app.open(section);
      await page.waitForTimeout(100);
      expect(await pageScrollsSideways(page), `${section} at ${mode.name} scrolls sideways`).toBe(false);
      await page.screenshot({ path: path.join(SCREENSHOTS, `50-${mode.name}-${String(i).padStart(2, '0')}-${section.replace(/\s+/g, '-').toLowerCase()}.png`) });
    }
    // A list with its details: the pane lies over the list below ~1000 px, and closes back to it.
    await app.open('Websites');
    await app.row('hotmailbox.me/shop').first().click();
    await expect(app.detail.getByRole('heading', { level: 2 })).toBeVisible();
    expect(await pageScrollsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, `50-${mode.name}-20-website-details.png`) });
    await page.getByRole('button', { name: 'Export packet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export filing packet' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await page.screenshot({ path: path.join(SCREENSHOTS, `50-${mode.name}-21-packet-dialog.png`) });
  });
  });
}
