import path from 'node:path';
import type { Redaction } from '../../src-main/contract/redaction';
import { writeRedactionFixtures } from '../helpers/redactionFixtures';
import { CasePage } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Drags a box on a picture from one point to another, given in the picture's own units (size w × h). */
async function dragBox(page: Page, image: Locator, size: [number, number], from: [number, number], to: [number, number]): Promise<void> {
  await image.scrollIntoViewIfNeeded();
  const at = (await image.boundingBox())!;
  const screen = ([x, y]: [number, number]) => [at.x + at.width * (x / size[0]), at.y + at.height * (y / size[1])] as const;
  await page.mouse.move(...screen(from));
  await page.mouse.down();
  await page.mouse.move(...screen(to), { steps: 5 });
  await page.mouse.up();
}

test('reviews Rule 5.2 candidates of an exhibit, redacts a typed text with a preview of what is kept, and draws a box on an image', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Redaction case' } });
  const fx = await writeRedactionFixtures(harness.dir);
  await harness.call('evidence.import', { paths: [fx.text, fx.png] });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');

  await app.row('victim-letter').click();
  const panel = app.detail.getByTestId('redactions-panel');
  await panel.getByRole('button', { name: 'Find identifiers' }).click();
  await expect(panel.getByTestId('redaction-row')).toHaveCount(2);
  await expect(panel.getByText('2 to review')).toBeVisible();
  await panel.getByRole('button', { name: 'Accept redaction of 123-45-6789' }).click();
  await expect(panel.locator('[data-value="123-45-6789"]')).toHaveAttribute('data-status', 'accepted');
  await panel.getByRole('button', { name: 'Reject redaction of 03/14/1985' }).click();
  await expect(panel.locator('[data-value="03/14/1985"]')).toHaveAttribute('data-status', 'rejected');

  // Select the name in the preview, as a reader would, and take the selection.
  await app.detail.locator('pre.evidence-text').evaluate((pre) => {
    const node = pre.firstChild!;
    const at = node.textContent!.indexOf('Jane Roe');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'Jane Roe'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await panel.getByRole('button', { name: 'Use selection' }).click();
  await expect(panel.getByLabel('Text to redact')).toHaveValue('Jane Roe');
  await panel.getByLabel('Redaction category').selectOption('minor_name');
  await expect(panel.getByTestId('kept-preview')).toContainText('J.R. [REDACTED - FRCP 5.2(a)(3)]');
  await panel.getByRole('button', { name: 'Redact text' }).click();
  await expect(panel.getByTestId('redaction-row')).toHaveCount(3);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'redactions-text.png') });

  await app.row('id-card').click();
  const imagePanel = app.detail.getByTestId('redactions-panel');
  await imagePanel.getByRole('button', { name: 'Draw a box' }).click();
  const image = imagePanel.getByTestId('box-drawer').locator('img');
  await expect(image).toBeVisible();
  // The number on the fixture sits at about x 100-300, y 120-175 of 600 × 300 pixels.
  await dragBox(page, image, [600, 300], [100, 120], [300, 175]);
  await expect(imagePanel.getByTestId('redaction-row')).toHaveCount(1);
  const boxes = (await harness.call('redact.list', { exhibit: 'Exhibit 2' })) as Redaction[];
  expect(boxes).toHaveLength(1);
  expect(boxes[0]!.box!.x).toBeGreaterThan(90);
  expect(boxes[0]!.box!.x).toBeLessThan(110);
  expect(boxes[0]!.box!.w).toBeGreaterThan(180);
  expect(boxes[0]!.box!.w).toBeLessThan(220);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'redactions-box.png') });
});

test('draws a box on a page of a PDF exhibit, stored in PDF points from the top-left', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Redaction case' } });
  const fx = await writeRedactionFixtures(harness.dir);
  await harness.call('evidence.import', { paths: [fx.pdf] });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.row('bank-statement').click();
  const panel = app.detail.getByTestId('redactions-panel');
  await panel.getByRole('button', { name: 'Draw a box' }).click();
  await panel.getByRole('button', { name: 'Next page' }).click();
  await expect(panel.getByText('Page 2 of 2')).toBeVisible();
  const image = panel.getByRole('img', { name: /page 2: drag to draw/ });
  // A box over "Page two has nothing..." at x 72 pt, 80 pt from the top of a 612 × 792 pt page.
  await dragBox(page, image, [612, 792], [72, 80], [172, 100]);
  await expect(panel.getByTestId('redaction-row')).toHaveCount(1);
  const [row] = (await harness.call('redact.list', { exhibit: 'Exhibit 1' })) as Redaction[];
  expect(row!.page).toBe(2);
  expect(Math.abs(row!.box!.x - 72)).toBeLessThan(4);
  expect(Math.abs(row!.box!.w - 100)).toBeLessThan(4);
  expect(Math.abs(row!.box!.y - 80)).toBeLessThan(4);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'redactions-pdf-box.png') });
});
