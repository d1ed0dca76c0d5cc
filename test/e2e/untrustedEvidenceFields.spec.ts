import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * An exhibit's provenance fields are free text, often pasted from the evidence itself (a phishing
 * link, a seized device's name): a bidi override in them is shown spelled out and flagged, like the
 * file name, never live.
 */
test('an exhibit\'s source URL and description with bidi overrides are shown spelled out and flagged', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Pasted provenance' } });
  const file = path.join(harness.dir, 'note.txt');
  fs.writeFileSync(file, 'hello\n');
  const imported = await harness.call('evidence.import', {
    paths: [file],
    source_url: 'https://login.example/placeholder',
    description: 'Pasted from the mail:\nsee invoice\u202Efdp.exe',
  });
  // A source URL with a bidi override is refused at entry now (the one-line rule); one stored by an
  // older version or arriving with a merge must still show spelled out.
  harness.session.caseFile.db
    .prepare('UPDATE evidence SET source_url = ? WHERE id = ?')
    .run('https://login.example/\u202Efdp.exe', imported.items[0]!.evidence.id);
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.row('note.txt').click();
  await expect(app.detail).toContainText('https://login.example/\\u202efdp.exe');
  await expect(app.detail).toContainText('see invoice\\u202efdp.exe');
  await expect(app.detail.locator('.untrusted-flag')).toHaveCount(2);
  expect(await app.detail.textContent()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});

test('a custody entry quoting a file name with a bidi override flags it', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Custody names' } });
  const file = path.join(harness.dir, 'invoice\u202Efdp.exe');
  fs.writeFileSync(file, 'MZ');
  await harness.call('evidence.import', { paths: [file] });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.row('invoice\\u202efdp.exe').click();
  const custody = app.detail.getByRole('region', { name: /Chain of custody/ }).locator('.custody-list');
  await expect(custody).toContainText('\\u202e');
  await custody.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'untrusted-custody.png') });
  await expect(custody.locator('.untrusted-flag').first()).toBeVisible();
  expect(await custody.textContent()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});
