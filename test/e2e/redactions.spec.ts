import path from 'node:path';
import type { Redaction } from '../../src-main/contract/redaction';
import { writeRedactionFixtures } from '../helpers/redactionFixtures';
import { CasePage } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

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

  await panel.getByLabel('Text to redact').fill('Jane Roe');
  await panel.getByLabel('Redaction category').selectOption('minor_name');
  await expect(panel.getByTestId('kept-preview')).toContainText('J.R.');
  await panel.getByRole('button', { name: 'Redact text' }).click();
  await expect(panel.getByTestId('redaction-row')).toHaveCount(3);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'redactions-text.png') });

  await app.row('id-card').click();
  const imagePanel = app.detail.getByTestId('redactions-panel');
  await imagePanel.getByRole('button', { name: 'Draw a box' }).click();
  const image = imagePanel.getByTestId('box-drawer').locator('img');
  await expect(image).toBeVisible();
  await image.scrollIntoViewIfNeeded();
  const at = (await image.boundingBox())!;
  // The number on the fixture sits at about x 100-300, y 120-175 of 600 × 300 pixels.
  await page.mouse.move(at.x + at.width * (100 / 600), at.y + at.height * (120 / 300));
  await page.mouse.down();
  await page.mouse.move(at.x + at.width * (300 / 600), at.y + at.height * (175 / 300), { steps: 5 });
  await page.mouse.up();
  await expect(imagePanel.getByTestId('redaction-row')).toHaveCount(1);
  const boxes = (await harness.call('redact.list', { exhibit: 'Exhibit 2' })) as Redaction[];
  expect(boxes).toHaveLength(1);
  expect(boxes[0]!.box!.x).toBeGreaterThan(90);
  expect(boxes[0]!.box!.x).toBeLessThan(110);
  expect(boxes[0]!.box!.w).toBeGreaterThan(180);
  expect(boxes[0]!.box!.w).toBeLessThan(220);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'redactions-box.png') });
});
