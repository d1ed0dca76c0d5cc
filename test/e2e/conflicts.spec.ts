import fs from 'node:fs';
import path from 'node:path';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { noteService } from '../../src-main/notes/noteService';
import { seedCase } from './harness/seedCase';
import { CasePage } from './pages/CasePage';
import { expect, SCREENSHOTS, test } from './fixtures';

test('a merge that overwrote my edit shows in Conflicts with a badge; keeping mine writes it back', async ({ page, harness }) => {
  await seedCase(harness);
  const file = harness.session.caseFile.path;
  const note = (await harness.call('items.list', { kind: 'note' })).items[0]!;
  // A teammate's copy, edited a minute later (by their clock) than my edit below.
  const copy = path.join(path.dirname(file), 'teammate.dossier');
  fs.copyFileSync(file, copy);
  await harness.call('notes.update', { id: note.id, patch: { body: 'Mine: seize via the registrar' } });
  const teammate = openCaseFile(copy, { actor: { name: 'Bob Counsel', device: 'bob-desktop' }, wallClock: () => Date.now() + 60_000 });
  noteService.update(teammate, note.id, { body: 'Theirs: seize via the registry' });
  closeCaseFile(teammate);
  await harness.call('case.merge', { otherPath: copy });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Case sections' });
  await expect(nav.getByRole('button', { name: /^Conflicts/ })).toContainText('1');
  await app.open('Conflicts');
  const card = page.getByRole('article');
  await expect(card).toContainText('Edited on two copies');
  await expect(card).toContainText('Theirs: seize via the registry');
  await expect(card).toContainText('Mine: seize via the registrar');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'conflicts.png') });
  await card.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByRole('status')).toContainText('No conflicts to review.');
  await expect(nav.getByRole('button', { name: /^Conflicts/ })).not.toContainText('1');
  const after = await harness.call('items.get', { id: note.id });
  expect((after.item as { body: string }).body).toBe('Mine: seize via the registrar');
});
