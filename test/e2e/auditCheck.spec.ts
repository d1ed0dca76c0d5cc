import Database from 'better-sqlite3';
import { seedCase } from './harness/seedCase';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

test('the Audit view runs the full check and names what was edited behind the app', async ({ page, harness }) => {
  await seedCase(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  await app.open('Audit log');
  await page.getByRole('button', { name: 'Run full check' }).click();
  await expect(page.getByRole('status', { name: 'Full check' })).toContainText('Every check holds.');

  // A note body changed with another SQLite connection, as sqlite3 would.
  const file = harness.session.caseFile.path;
  const other = new Database(file);
  const noteId = other.prepare('SELECT id FROM note LIMIT 1').pluck().get() as string;
  other.prepare("UPDATE note SET body = 'rewritten' WHERE id = ?").run(noteId);
  other.close();
  await page.getByRole('button', { name: 'Run full check' }).click();
  const panel = page.getByRole('status', { name: 'Full check' });
  await expect(panel).toContainText('The case fails its checks');
  await expect(panel).toContainText(`note ${noteId} · body`);
});
