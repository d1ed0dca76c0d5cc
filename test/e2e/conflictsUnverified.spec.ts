import path from 'node:path';
import Database from 'better-sqlite3';
import { mergeEditConflict } from './harness/mergeEditConflict';
import { seedCase } from './harness/seedCase';
import { CasePage } from './pages/CasePage';
import { expectAccessible } from './pages/axeCheck';
import { expect, SCREENSHOTS, test } from './fixtures';

/*
 * A conflict row put into the case file behind the app's back (as sqlite3 would: no trigger stops
 * an INSERT) used to show in the Conflicts view like a teammate's, forged "overwritten" text and
 * all, with buttons offering to keep it. It must be marked as failing its seal, offer no resolve
 * (resolve refuses it) and send the user to the check; a genuine conflict beside it stays as it was.
 */
test('a conflict row that fails its seal is marked not verified, with no resolve buttons', async ({ page, harness }) => {
  await seedCase(harness);
  const noteId = await mergeEditConflict(harness, { mine: 'Mine: seize via the registrar', theirs: 'Theirs: seize via the registry' });

  // Inserted with another SQLite connection, as sqlite3 would.
  const other = new Database(harness.session.caseFile.path);
  const hlc = other.prepare('SELECT hlc FROM note WHERE id = ?').pluck().get(noteId) as string;
  other
    .prepare(
      `INSERT INTO merge_conflict (id, kind, record_table, record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at, hlc)
       VALUES ('0123456789abcdef0123456789abcdef', 'edit_edit', 'note', ?, '["body"]', json_object('body', 'current'), json_object('body', 'The defendant admitted everything.'),
               ?, ?, 'Alice', 'Bob Counsel', '2026-12-08T00:00:00.000Z', '2026-12-08T00:00:01.000Z', ?)`,
    )
    .run(noteId, hlc, hlc, hlc);
  other.close();

  await page.goto('/index.html');
  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  await app.open('Conflicts');
  const forged = page.getByRole('article').filter({ hasText: 'The defendant admitted everything.' });
  const genuine = page.getByRole('article').filter({ hasText: 'Theirs: seize via the registry' });
  await expect(forged.getByRole('alert')).toContainText('Not verified');
  await expect(forged.getByRole('alert')).toContainText('no audit entry ever recorded it');
  await expect(forged.getByRole('alert')).toContainText('Run full check');
  // Its only button opens the check; none resolves it.
  await expect(forged.getByRole('button')).toHaveText(['Open the Audit log']);
  await expect(genuine.getByRole('alert')).toHaveCount(0);
  await expect(genuine.getByRole('button', { name: 'Keep mine' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'conflicts-unverified.png'), fullPage: true });
  await expectAccessible(page, 'conflicts with one not verified');

  // What the view withholds, resolve refuses too; the check it sends the user to names the row.
  await expect(harness.call('conflicts.resolve', { id: '0123456789abcdef0123456789abcdef', keep: 'theirs' })).rejects.toThrow(/no audit entry ever recorded it/);
  await forged.getByRole('button', { name: 'Open the Audit log' }).click();
  await page.getByRole('button', { name: 'Run full check' }).click();
  const panel = page.getByRole('status', { name: 'Full check' });
  await expect(panel).toContainText('The case fails its checks');
  await expect(panel).toContainText('0123456789abcdef0123456789abcdef');
});
