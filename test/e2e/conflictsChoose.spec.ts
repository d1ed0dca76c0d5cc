import fs from 'node:fs';
import path from 'node:path';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { exportCasePacket } from '../../src-main/packet/exportCasePacket';
import { addWebsite } from '../../src-main/websites/websiteService';
import { seedCase } from './harness/seedCase';
import { CasePage } from './pages/CasePage';
import { expectAccessible } from './pages/axeCheck';
import { expect, SCREENSHOTS, test } from './fixtures';

const BOB = { name: 'Bob Counsel', device: 'bob-desktop' };

test('a duplicate domain and two productions with one Bates range: the Conflicts view lets me choose which row and which production keep', async ({ page, harness }) => {
  await seedCase(harness);
  const file = harness.session.caseFile.path;
  const copy = path.join(path.dirname(file), 'teammate.dossier');
  fs.copyFileSync(file, copy);
  const mine = await harness.call('websites.add', { input: 'dup-shop.example' });
  await harness.call('packet.export', { outPath: path.join(path.dirname(file), 'mine.pdf'), options: { sections: ['exhibits'], profile: 'generic-50mb', batesPrefix: 'DUP-' } });
  const teammate = openCaseFile(copy, { actor: BOB });
  const theirs = addWebsite(teammate, { input: 'dup-shop.example' });
  await exportCasePacket(teammate, path.join(path.dirname(file), 'theirs.pdf'), { sections: ['exhibits'], profile: 'generic-50mb', batesPrefix: 'DUP-' });
  closeCaseFile(teammate);
  await harness.call('case.merge', { otherPath: copy });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
  await app.open('Conflicts');
  const overlap = page.getByRole('article').filter({ hasText: 'Two productions, one Bates range' });
  await expect(overlap).toContainText('(prefix "DUP-", DUP-000001');
  await expect(overlap).toContainText('use the same Bates numbers');
  const duplicate = page.getByRole('article').filter({ hasText: 'Added on two copies' }).filter({ hasText: 'dup-shop.example' });
  await expect(duplicate).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'conflicts-choose.png'), fullPage: true });
  await expectAccessible(page, 'conflicts with a duplicate and a Bates overlap');

  await duplicate.getByRole('button', { name: /Keep Bob Counsel's/ }).click();
  await expect(page.getByRole('article').filter({ hasText: 'dup-shop.example' })).toHaveCount(0);
  const live = (await harness.call('items.list', { kind: 'website' })).items.filter((w) => (w as { host_ascii?: string }).host_ascii === 'dup-shop.example').map((w) => w.id);
  expect(live).toEqual([theirs.id]);
  expect(live).not.toContain(mine.id);

  await overlap.getByRole('button', { name: /production keeps the numbers/ }).first().click();
  await expect(page.getByRole('article').filter({ hasText: 'Two productions, one Bates range' })).toHaveCount(0);
  const resolved = (await harness.call('conflicts.list', { includeResolved: true })).find((c) => c.kind === 'bates_overlap')!;
  expect(String((resolved.resolved_value as { note: string }).note)).toMatch(/must be re-issued.*nothing was renumbered/);
});
