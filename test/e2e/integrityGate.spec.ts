import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { killSiteImportMidway } from '../helpers/killSiteImport';
import { seedCase } from './harness/seedCase';
import { CasePage } from './pages/CasePage';
import { expectAccessible } from './pages/axeCheck';
import { PacketDialog } from './pages/PacketDialog';
import { expect, SCREENSHOTS, test } from './fixtures';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** A note body changed with another SQLite connection, as sqlite3 would: returns the note's id. */
function editNoteBehindTheApp(file: string): string {
  const other = new Database(file);
  const noteId = other.prepare('SELECT id FROM note LIMIT 1').pluck().get() as string;
  other.prepare("UPDATE note SET body = 'rewritten' WHERE id = ?").run(noteId);
  other.close();
  return noteId;
}

test('the packet and share dialogs run the check themselves and refuse a tampered case, naming the finding; forcing is disclosed', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await seedCase(harness);
  await harness.call('identity.create', { name: 'Dana Whitfield' });
  const noteId = editNoteBehindTheApp(harness.session.caseFile.path);
  const outDir = path.join(harness.dir, 'filings');
  fs.mkdirSync(outDir);
  harness.answers.savePaths.packet = path.join(outDir, 'storm-packet');
  harness.answers.savePaths.share = path.join(outDir, 'storm');
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();

  const packet = new PacketDialog(page);
  await packet.open();
  const gate = packet.root.getByRole('alert', { name: 'Case check' });
  await expect(gate).toContainText('Refused: this case fails its checks', { timeout: 60_000 });
  await expect(gate).toContainText('FAILED · content');
  await expect(gate).toContainText(`note ${noteId} · body`);
  const exportButton = packet.root.getByRole('button', { name: 'Export…' });
  await expect(exportButton).toBeDisabled();
  await shot(page, '40-packet-refused-by-check');
  await expectAccessible(page, 'packet dialog refused by the check', { scope: 'dialog[open]' });
  // The one way past it, as --force: the packet says so on its audit page.
  await gate.getByRole('checkbox', { name: /Export anyway/ }).check();
  await expect(exportButton).toBeEnabled();
  // Filled as a filing needs (issue 11): the force above is only over the case check.
  await packet.field('Declarant name').fill('Dana Whitfield');
  await packet.field('Declarant role').fill('Senior Investigator');
  await packet.field('Place of signing').fill('Redmond, Washington');
  await packet.field('Layout').selectOption('combined');
  await packet.export();
  const pdf = path.join(outDir, 'storm-packet.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('EXPORTED WITH --force');
  expect(text).toContain('content');
  await page.getByRole('button', { name: 'Done' }).click();

  await new CasePage(page).open('Team');
  await page.getByRole('button', { name: 'Share case…' }).click();
  const share = page.getByRole('dialog', { name: 'Share case' });
  const shareGate = share.getByRole('alert', { name: 'Case check' });
  await expect(shareGate).toContainText(`note ${noteId} · body`, { timeout: 60_000 });
  await share.getByRole('radio', { name: 'Anyone with a passphrase' }).check();
  await share.getByLabel('Share passphrase').fill('correct horse battery staple');
  await share.getByLabel('Passphrase again').fill('correct horse battery staple');
  await expect(share.getByRole('button', { name: 'Share…' })).toBeDisabled();
  await shareGate.getByRole('checkbox', { name: /Share anyway/ }).check();
  await share.getByRole('button', { name: 'Share…' }).click();
  await expect(page.getByRole('dialog', { name: 'Case shared' })).toBeVisible({ timeout: 60_000 });
  const forced = harness.session.caseFile.db.prepare("SELECT count(*) FROM audit_entry WHERE action = 'case.shared.forced'").pluck().get();
  expect(forced).toBe(1);
});

test('a clean case passes the dialogs\' check and exports without being asked to force', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seedCase(harness);
  await page.goto('/index.html');
  await expect(page.getByRole('navigation', { name: 'Case sections' }).getByText('Read-only', { exact: true })).toHaveCount(0);
  const packet = new PacketDialog(page);
  await packet.open();
  await expect(packet.root.getByRole('status', { name: 'Case check' })).toContainText('passes every check', { timeout: 60_000 });
  await expect(packet.root.getByRole('checkbox', { name: /Export anyway/ })).toHaveCount(0);
  await expect(packet.root.getByRole('button', { name: 'Export…' })).toBeEnabled();
});

test('an import killed midway is shown in the Audit view and rolled back from there; the check then holds', async ({ page, harness }) => {
  test.setTimeout(300_000);
  const file = harness.casePath('cut.dossier');
  await harness.call('case.create', { path: file, case: { title: 'Cut short' } });
  harness.session.close();
  const list = path.join(harness.dir, 'sites.txt');
  // Batches of 3,000: killed after the first of four (rolling back 20,000 rows took ~10 s).
  fs.writeFileSync(list, `${Array.from({ length: 12_000 }, (_, i) => `cut${i}.example.org`).join('\n')}\n`);
  expect(await killSiteImportMidway(file, list, ['--batch-rows', '3000'])).toBe('SIGKILL');
  await harness.call('case.open', { path: file });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Audit log');
  await page.getByRole('button', { name: 'Run full check' }).click();
  const imports = page.getByRole('list', { name: 'Unfinished imports' });
  await expect(imports).toContainText('Unfinished import of sites.txt');
  await expectAccessible(page, 'audit view with an unfinished import');
  await imports.getByRole('button', { name: 'Roll back…' }).click();
  await shot(page, '41-unfinished-import-rollback');
  await imports.getByRole('button', { name: 'Yes, roll back' }).click();
  await expect(page.getByText('Import rolled back')).toBeVisible();
  const db = harness.session.caseFile.db;
  expect(db.prepare('SELECT count(*) FROM website WHERE deleted_at IS NULL').pluck().get()).toBe(0);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Run full check' }).click();
  await expect(page.getByRole('status', { name: 'Full check' })).toContainText('Every check holds.');
});

test('a read-only case file opens, verifies an exhibit and runs the full check, saying custody was not recorded', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seedCase(harness);
  const file = harness.session.caseFile.path;
  harness.session.close();
  // Root ignores file modes (the tests run as root): a read-only bind mount of the case's folder
  // refuses writes to root too, as a write-protected stick or a share mounted read-only does.
  const caseDir = path.join(harness.dir, 'case-folder');
  const readOnlyDir = path.join(harness.dir, 'read-only');
  fs.mkdirSync(caseDir);
  fs.mkdirSync(readOnlyDir);
  fs.copyFileSync(file, path.join(caseDir, path.basename(file)));
  execFileSync('mount', ['--bind', caseDir, readOnlyDir]);
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', readOnlyDir]);
    const readOnlyFile = path.join(readOnlyDir, path.basename(file));
    const before = fs.readdirSync(readOnlyDir).map((name) => [name, fs.readFileSync(path.join(readOnlyDir, name)).toString('base64')]);
    await harness.call('case.open', { path: readOnlyFile });
    await page.goto('/index.html');
    const app = new CasePage(page);
    await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Case sections' }).getByText('Read-only', { exact: true })).toBeVisible();
    await app.open('Evidence');
    await app.grid.getByRole('row').nth(1).click();
    await page.getByRole('button', { name: 'Verify hash' }).click();
    const result = page.getByRole('status').filter({ hasText: /custody event was not recorded/ });
    await expect(result).toContainText('as recorded at import');
    await shot(page, '42-read-only-verify');
    await app.open('Audit log');
    await page.getByRole('button', { name: 'Run full check' }).click();
    await expect(page.getByRole('status', { name: 'Full check' })).toContainText('Every check holds.', { timeout: 60_000 });
    harness.session.close();
    const after = fs.readdirSync(readOnlyDir).map((name) => [name, fs.readFileSync(path.join(readOnlyDir, name)).toString('base64')]);
    expect(after, 'the read-only folder is byte-identical after the session (no journal, no backup)').toEqual(before);
  } finally {
    harness.session.close();
    execFileSync('umount', [readOnlyDir]);
  }
});
