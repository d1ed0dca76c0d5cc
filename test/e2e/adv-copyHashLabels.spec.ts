import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * Adversarial reproduction (expected to FAIL until fixed; low severity, screen readers). An
 * exhibit's detail shows SHA-256, SHA-1 and MD5, each with a copy button, and all three are named
 * "Copy hash": a screen-reader or voice-control user cannot tell which value a button copies, and
 * copying the MD5 where a court expects the SHA-256 is the mistake this invites. Expected: each
 * button's accessible name says its algorithm ("Copy SHA-256", ...).
 */
test('each hash copy button names the hash it copies', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Copy labels' } });
  const file = path.join(harness.dir, 'note.txt');
  fs.writeFileSync(file, 'hello\n');
  await harness.call('evidence.import', { paths: [file] });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.row('note.txt').click();
  await expect(app.detail.getByText('SHA-256').first()).toBeVisible();
  const names = await app.detail.getByRole('button', { name: /^Copy/ }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
  expect(names.length).toBe(3);
  expect(new Set(names).size, `copy buttons share one name: ${names.join(' | ')}`).toBe(3);
});
