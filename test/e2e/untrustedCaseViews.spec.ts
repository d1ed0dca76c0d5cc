import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { caseSpec } from '../../src-main/case/caseSpec';
import { getCaseInfo } from '../../src-main/case/caseInfo';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { noteService } from '../../src-main/notes/noteService';
import { orderService } from '../../src-main/orders/orderService';
import { updateRecord } from '../../src-main/records/updateRecord';
import { addTeamMember } from '../../src-main/share/teamRosterService';
import { formatPublicIdentity } from '../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import type { DossierHarness } from './harness/DossierHarness';
import { CasePage } from './pages/CasePage';
import { PacketDialog } from './pages/PacketDialog';
import { StartPage } from './pages/StartPage';
import { TeamPage } from './pages/TeamPage';
import { expect, test } from './fixtures';

/*
 * The case-wide views show text a teammate's merged copy wrote (an older version, or a hostile one
 * that skipped the one-line rule): the case's own title and details, an order's title, the
 * teammate's name as the author of changes and audit entries, and roster entries they added. Also
 * text from outside the case: a recent case's title, and an imported file's name in the task tray.
 * A live U+202E RIGHT-TO-LEFT OVERRIDE shows "Invoice \u202Efdp.exe" as "Invoice exe.pdf"; each
 * view must show it spelled out (`\u202e`) and flagged, as the item views do
 * (untrustedItems.spec.ts, untrustedViews.spec.ts: the same seeding).
 */
const RLO = '\u202E';
const LIVE_BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const TEAMMATE = `Bob ${RLO}lesnuoC`;
const TEAMMATE_SHOWN = 'Bob \\u202elesnuoC';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function mergeTeammateCase(harness: DossierHarness): Promise<void> {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Operation Lantern' } });
  const order = await harness.call('orders.create', { title: 'Ex parte TRO', docket: '1:23-cv-10685', court: 'S.D.N.Y.', order_type: 'ex_parte_tro' });
  const carol = await generateUserIdentity('Carol Analyst');
  const file = harness.session.caseFile.path;
  const copy = path.join(path.dirname(file), 'teammate.dossier');
  fs.copyFileSync(file, copy);
  // Services take validated input: called directly, they store what an unchecked copy would hold.
  const teammate = openCaseFile(copy, { actor: { name: TEAMMATE, device: 'bob-desktop' }, wallClock: () => Date.now() + 60_000 });
  writeTransaction(teammate, () => {
    updateRecord(teammate, caseSpec, getCaseInfo(teammate).id, {
      title: `Operation ${RLO}nretnaL`,
      code_name: `LANT${RLO}NRE`,
      jurisdiction: `S.D.N.Y. ${RLO}yeK`,
      summary: `Payouts to ${RLO}fdp.exe wallets`,
    });
    orderService.update(teammate, order.id, { title: `TRO ${RLO}fdp.exe`, status: 'granted', granted_at: inDays(-2), expires_at: inDays(10) });
    noteService.create(teammate, { title: `Payout ${RLO}gpj.scr`, body: 'Wallet list for the payout' });
    addTeamMember(teammate, formatPublicIdentity(carol.publicIdentity), { role: `Analyst ${RLO}tsylanA` });
  });
  closeCaseFile(teammate);
  await harness.call('case.merge', { otherPath: copy });
}

/** No live bidi control in what is shown, nor in what a tooltip, placeholder or screen reader says. */
async function expectNothingLive(scope: Locator, what: string): Promise<void> {
  expect(await scope.textContent(), `${what} shows a live U+202E`).not.toMatch(LIVE_BIDI);
  const attributes = await scope.evaluate((root) =>
    [root, ...Array.from(root.querySelectorAll('*'))]
      .flatMap((el) => ['aria-label', 'title', 'aria-description', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''))
      .join('\n'),
  );
  expect(attributes, `${what} names something with a live U+202E`).not.toMatch(LIVE_BIDI);
}

test('the Overview shows the case details, orders, expiries and authors a teammate wrote spelled out and flagged', async ({ page, harness }) => {
  await mergeTeammateCase(harness);
  await page.goto('/index.html');
  const overview = page.locator('.overview');
  await expect(overview.getByRole('heading', { level: 1 })).toContainText('Operation \\u202enretnaL');
  await page.screenshot({ path: path.join('test-results', 'untrusted-overview.png'), fullPage: true });
  await expectNothingLive(overview, 'the Overview');
  for (const shown of ['LANT\\u202eNRE', 'S.D.N.Y. \\u202eyeK', 'Payouts to \\u202efdp.exe wallets', `by ${TEAMMATE_SHOWN}`]) {
    await expect(overview, shown).toContainText(shown);
  }
  await expect(overview.locator('.case-header .untrusted-flag').first()).toBeVisible();
  // The order awaiting service and expiring soon, each row flagged.
  for (const heading of ['Open items', 'Expiring soon']) {
    const row = page.locator('section', { has: page.getByRole('heading', { name: heading }) }).getByRole('button', { name: /TRO/ });
    await expect(row, heading).toContainText('TRO \\u202efdp.exe');
    await expect(row.locator('.untrusted-flag'), heading).toBeVisible();
  }
});

test('the palette flags a search hit whose title a teammate wrote', async ({ page, harness }) => {
  await mergeTeammateCase(harness);
  await page.goto('/index.html');
  await expect(page.locator('.overview')).toBeVisible();
  const palette = await new CasePage(page).openPalette();
  await palette.getByRole('combobox').fill('payout');
  const hit = palette.getByRole('option').filter({ hasText: 'Payout' });
  await expect(hit).toContainText('Payout \\u202egpj.scr');
  await page.screenshot({ path: path.join('test-results', 'untrusted-palette.png') });
  await expectNothingLive(palette, 'the palette');
  await expect(hit.locator('.palette-title .untrusted-flag')).toBeVisible();
});

test('the Audit log names a teammate who wrote entries, spelled out and flagged', async ({ page, harness }) => {
  await mergeTeammateCase(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Audit log');
  const row = app.row(TEAMMATE_SHOWN).first();
  await expect(row).toBeVisible();
  await page.screenshot({ path: path.join('test-results', 'untrusted-audit.png') });
  await expectNothingLive(app.grid, 'the Audit log');
  await expect(row.locator('.untrusted-flag').first()).toBeVisible();
});

test('the Team view and the packet dialog show what a teammate wrote spelled out and flagged', async ({ page, harness }) => {
  await mergeTeammateCase(harness);
  await page.goto('/index.html');
  const team = new TeamPage(page);
  await team.open();
  const member = team.roster.getByRole('listitem').filter({ hasText: 'Carol Analyst' });
  await expect(member).toContainText('Analyst \\u202etsylanA');
  await expect(member).toContainText(`by ${TEAMMATE_SHOWN}`);
  await page.screenshot({ path: path.join('test-results', 'untrusted-roster.png') });
  await expectNothingLive(team.roster, 'the roster');
  await expect(member.locator('.untrusted-flag').first()).toBeVisible();

  await new CasePage(page).open('Overview');
  const packet = new PacketDialog(page);
  await packet.open();
  await expect(packet.field('Order for Appendix A').locator('option', { hasText: 'TRO' })).toHaveText('TRO \\u202efdp.exe (1:23-cv-10685)');
  await expect(packet.field('Title')).toHaveAttribute('placeholder', 'Declaration and Exhibits: Operation \\u202enretnaL');
  await page.screenshot({ path: path.join('test-results', 'untrusted-packet.png') });
  await expectNothingLive(packet.root, 'the packet dialog');
});

test('the start screen and the task tray show a file\'s own name spelled out and flagged', async ({ page, harness }) => {
  const where = path.join(harness.dir, 'lantern.dossier');
  harness.answers.recent = [{ path: where, title: `Operation ${RLO}nretnaL`, openedAt: '2026-11-30T09:00:00.000Z' }];
  const start = new StartPage(page);
  await start.goto();
  const recent = page.getByRole('region', { name: 'Recent cases' });
  await expect(recent).toContainText('Operation \\u202enretnaL');
  await page.screenshot({ path: path.join('test-results', 'untrusted-start.png') });
  await expectNothingLive(recent, 'the recent cases');
  await expect(recent.locator('.untrusted-flag')).toBeVisible();
  await expect(recent.getByRole('button', { name: /^Remove Operation \\u202enretnaL/ })).toBeVisible();

  // A file chosen for import that is gone by then: the failed task names it as found on disk.
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Operation Lantern' } });
  harness.answers.evidenceFiles = [path.join(harness.dir, `invoice${RLO}fdp.exe`)];
  await page.goto('/index.html');
  await expect(page.locator('.overview')).toBeVisible();
  const palette = await new CasePage(page).openPalette();
  await palette.getByRole('combobox').fill('Import evidence files');
  await page.keyboard.press('Enter');
  const tray = page.getByRole('region', { name: 'Running tasks' });
  await expect(tray).toContainText('Importing invoice\\u202efdp.exe');
  // The notice that says why names the file the same way.
  const notice = page.getByRole('dialog', { name: 'Import failed' });
  await expect(notice).toContainText('invoice\\u202efdp.exe');
  await expectNothingLive(notice, 'the notice');
  await expect(notice.locator('.untrusted-flag')).toBeVisible();
  await page.screenshot({ path: path.join('test-results', 'untrusted-task.png') });
  await expectNothingLive(tray, 'the task tray');
  await expect(tray.locator('.untrusted-flag').first()).toBeVisible();
});

test('the filing caption dialog spells out the stored parties and court a teammate wrote, beside the boxes that keep them', async ({ page, harness }) => {
  await mergeTeammateCase(harness);
  await harness.call('caption.update', { patch: { court: 'United States District Court', parties: [{ role: 'plaintiff', name: 'Microsoft Corporation' }] } });
  // A caption merged from a copy that skipped the checks.
  harness.session.caseFile.db
    .prepare('UPDATE filing_caption SET court = ?, parties = ?')
    .run(`Southern District ${RLO}kroY weN`, JSON.stringify([{ role: 'plaintiff', name: 'Microsoft Corporation' }, { role: 'defendant', name: `John ${RLO}seoD` }]));
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Filing caption' }).click();
  const dialog = page.getByRole('dialog', { name: 'Filing caption' });
  await expect(dialog.getByLabel('Defendants')).toHaveAccessibleDescription(/As stored: John \\u202eseoD/);
  await expect(dialog.getByLabel('Court')).toHaveAccessibleDescription(/As stored: Southern District \\u202ekroY weN/);
  // The box keeps the value as stored, so saving without touching it changes nothing.
  await expect(dialog.getByLabel('Defendants')).toHaveValue(`John ${RLO}seoD`);
  await expect(dialog.locator('.untrusted-flag')).toHaveCount(2);
  await page.screenshot({ path: path.join('test-results', 'untrusted-caption.png') });
});
