import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createVaultIdentity } from '../../src-main/share/identityVault';
import { formatPublicIdentity } from '../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import { CasePage } from './pages/CasePage';
import { TeamPage } from './pages/TeamPage';
import { expect, SCREENSHOTS, test } from './fixtures';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test('team: create my identity, add a teammate, share to them, and they receive it as a new case', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Operation Lantern', code_name: 'LANTERN' } });
  await harness.call('notes.create', { title: 'Wallet cluster', body: 'Three wallets seen in the marketplace payouts.' });
  // The teammate's own computer: their identity store, made the way the app makes one.
  const teammateVault = path.join(harness.dir, 'teammate-profile', 'identity-vault.json');
  const bob = await createVaultIdentity({ filePath: teammateVault, safeStorage: harness.safeStorage }, 'Bob Teammate');

  await page.goto('/index.html');
  const team = new TeamPage(page);
  await team.open();
  await team.createIdentity('Dana Whitfield');
  const myFingerprint = await team.myFingerprint();
  await expect(team.identity.getByLabel('My identity line')).toHaveValue(/^dossier-identity-v1 /);
  await team.addTeammate(formatPublicIdentity(bob.publicIdentity), 'Counsel');
  await expect(team.roster.getByRole('list', { name: 'Teammates' })).toContainText('Bob Teammate');
  await expect(team.roster).toContainText(bob.publicIdentity.fingerprint);
  await shot(page, '25-team');

  const sharePath = path.join(harness.dir, 'outbox', 'lantern');
  fs.mkdirSync(path.dirname(sharePath));
  harness.answers.savePaths.share = sharePath;
  await page.getByRole('button', { name: 'Share case…' }).click();
  const shareDialog = page.getByRole('dialog', { name: 'Share case' });
  await expect(shareDialog.getByRole('checkbox', { name: /Bob Teammate/ })).toBeChecked();
  await shot(page, '26-share-dialog');
  await shareDialog.getByRole('button', { name: 'Share…' }).click();
  const shared = page.getByRole('dialog', { name: 'Case shared' });
  await expect(shared).toContainText('Bob Teammate');
  expect(fs.existsSync(`${sharePath}.dossier.age`)).toBe(true);
  await shot(page, '27-share-done');
  await shared.getByRole('button', { name: 'Done' }).click();

  // Now as Bob: no case open, his identity, the share from the start screen.
  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  harness.vaultPath = teammateVault;
  harness.answers.openFiles.share = `${sharePath}.dossier.age`;
  const received = path.join(harness.dir, 'bob', 'lantern-from-dana');
  fs.mkdirSync(path.dirname(received));
  harness.answers.savePaths.receivedCase = received;
  await page.getByRole('button', { name: /Import share/ }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import share' });
  // Bob has no roster for this case yet: the app shows who signed it and asks.
  await expect(importDialog.getByLabel('Sender fingerprint')).toHaveText(myFingerprint);
  await shot(page, '28-receive-unknown-sender');
  await importDialog.getByRole('button', { name: 'Fingerprint matches: open it' }).click();
  const receivedDialog = page.getByRole('dialog', { name: 'Share received' });
  await expect(receivedDialog).toContainText('Dana Whitfield (accepted by fingerprint)');
  await receivedDialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: 'Operation Lantern', level: 1 })).toBeVisible();
  expect((await harness.call('case.summary', {}))!.path).toBe(`${received}.dossier`);
  const app = new CasePage(page);
  await app.open('Notes');
  await expect(app.row('Wallet cluster')).toBeVisible();
});

test("merging a teammate's modified copy brings in their note and lists the conflict for review", async ({ page, harness }) => {
  test.setTimeout(120_000);
  const mine = harness.casePath('mine.dossier');
  await harness.call('case.create', { path: mine, case: { title: 'Operation Lantern' } });
  const shared = await harness.call('notes.create', { title: 'Payout wallets', body: 'First draft.' });
  await harness.call('case.close', {});
  // The teammate's copy of the same case, changed on their side.
  const theirs = path.join(harness.dir, 'theirs.dossier');
  fs.copyFileSync(mine, theirs);
  await harness.call('case.open', { path: theirs });
  await harness.call('notes.create', { title: 'Hosting provider reply', body: 'The host confirmed the takedown.' });
  await harness.call('notes.update', { id: shared.id, patch: { body: 'Their edit.' } });
  await harness.call('case.close', {});
  await harness.call('case.open', { path: mine });
  await harness.call('notes.update', { id: shared.id, patch: { body: 'My edit.' } });
  harness.answers.openFiles.mergeSource = theirs;

  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: 'Operation Lantern', level: 1 })).toBeVisible();
  const app = new CasePage(page);
  const palette = await app.openPalette();
  await palette.getByRole('combobox').fill('merge');
  await palette.getByRole('option', { name: /Merge a teammate's copy/ }).click();
  const report = page.getByRole('dialog', { name: 'Merge finished' });
  await expect(report).toBeVisible();
  const conflicts = report.getByRole('table', { name: 'Conflicts to review' });
  await expect(conflicts.getByRole('row').nth(1)).toContainText('Concurrent edit');
  await shot(page, '29-merge-report');
  await conflicts.getByRole('row').nth(1).getByRole('button').click();
  await expect(report).toBeHidden();
  await expect(app.detail.getByRole('heading', { name: 'Payout wallets' })).toBeVisible();
  await expect(app.row('Hosting provider reply')).toBeVisible();
});

test('without a secure keychain (basic_text) the identity needs a passphrase, and sharing asks for it', async ({ page, harness }) => {
  test.setTimeout(120_000);
  harness.keychainBackend = 'basic_text';
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Operation Lantern' } });
  const bob = await generateUserIdentity('Bob Teammate');
  await harness.call('roster.add', { identityLine: formatPublicIdentity(bob.publicIdentity) });
  harness.answers.savePaths.share = path.join(harness.dir, 'lantern');

  await page.goto('/index.html');
  const team = new TeamPage(page);
  await team.open();
  await expect(team.identity).toContainText('no secure keychain');
  await team.createIdentity('Dana Whitfield');
  await expect(team.identity.getByRole('alert')).toContainText('Set a passphrase');
  expect(fs.existsSync(harness.vaultPath)).toBe(false);
  await shot(page, '30-identity-basic-text');
  await team.createIdentity('Dana Whitfield', 'correct horse battery staple');
  await expect(team.identity).toContainText('Protected by your passphrase');

  await page.getByRole('button', { name: 'Share case…' }).click();
  const shareDialog = page.getByRole('dialog', { name: 'Share case' });
  await shareDialog.getByRole('button', { name: 'Share…' }).click();
  await expect(shareDialog.getByRole('alert')).toContainText('Your identity is protected by a passphrase');
  await shareDialog.getByLabel('Your identity passphrase').fill('correct horse battery staple');
  await shareDialog.getByRole('button', { name: 'Share…' }).click();
  await expect(page.getByRole('dialog', { name: 'Case shared' })).toContainText('Bob Teammate');
});
