import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { evidenceSpec } from '../../src-main/evidence/evidenceSpec';
import { linkRecords } from '../../src-main/links/linkService';
import { noteService } from '../../src-main/notes/noteService';
import { orderService } from '../../src-main/orders/orderService';
import { updateRecord } from '../../src-main/records/updateRecord';
import { stakeholderService } from '../../src-main/stakeholders/stakeholderService';
import { setWebsiteStatus, updateWebsite } from '../../src-main/websites/websiteService';
import type { DossierHarness } from './harness/DossierHarness';
import { expectAccessible } from './pages/axeCheck';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * The lists of every kind, the detail pane (which the graph opens too), its linked items and its
 * history show text from a teammate's merged copy: one that skipped the one-line rule (an older
 * version, or a hostile copy) holds titles, names, field values and the teammate's own name with a
 * live U+202E RIGHT-TO-LEFT OVERRIDE, which shows "Invoice \u202Efdp.exe" as "Invoice exe.pdf".
 * Each must be shown spelled out (`\u202e`) and flagged, in text and in what screen readers hear.
 * The same seeding as untrustedViews.spec.ts.
 */
const RLO = '\u202E';
const LIVE_BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const TEAMMATE = `Bob ${RLO}lesnuoC`;
const TEAMMATE_SHOWN = 'Bob \\u202elesnuoC';

async function mergeTeammateItems(harness: DossierHarness): Promise<void> {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Merged hostile items' } });
  const plan = await harness.call('notes.create', { title: 'Seizure plan', body: 'Draft' });
  const site = await harness.call('websites.add', { input: 'hotmailbox.me', first_seen: '2023-03-02' });
  const order = await harness.call('orders.create', { title: 'Ex parte TRO', docket: '1:23-cv-10685', court: 'S.D.N.Y.', order_type: 'ex_parte_tro' });
  const person = await harness.call('stakeholders.create', { name: 'Arkose Labs', kind: 'partner' });
  // A seized file keeps its own name as found on disk (the title made of it is spelled out at import).
  const seized = path.join(harness.dir, `invoice${RLO}fdp.exe`);
  fs.writeFileSync(seized, 'MZ not really a program');
  const imported = await harness.call('evidence.import', { paths: [seized] });
  const exhibit = imported.items[0]!.evidence;

  const file = harness.session.caseFile.path;
  const copy = path.join(path.dirname(file), 'teammate.dossier');
  fs.copyFileSync(file, copy);
  // Services take validated input: called directly, they store what an unchecked copy would hold.
  const teammate = openCaseFile(copy, { actor: { name: TEAMMATE, device: 'bob-desktop' }, wallClock: () => Date.now() + 60_000 });
  writeTransaction(teammate, () => {
    noteService.update(teammate, plan.id, { title: `Invoice ${RLO}fdp.exe` });
    // A second change, so the history holds a version the teammate superseded (the first one's is the merge's).
    noteService.update(teammate, plan.id, { body: `Pay ${RLO}fdp.exe` });
    noteService.create(teammate, { title: `Payout ${RLO}gpj.scr`, body: 'Wallet list' });
    updateWebsite(teammate, site.id, { registrar: `Name${RLO}paehc`, hosting_provider: `Host ${RLO}ti` });
    setWebsiteStatus(teammate, site.id, 'named_in_order', { at: '2023-12-07', note: `Named ${RLO}redro` });
    orderService.update(teammate, order.id, { title: `TRO ${RLO}fdp.exe`, court: `Court ${RLO}tsaE`, judge: `Judge ${RLO}eoD` });
    stakeholderService.update(teammate, person.id, { name: `Arkose ${RLO}sbaL`, organization: `Org ${RLO}CLL`, address: `1 Main St\nSuite ${RLO}9` });
    // The evidence service validates its own input: the record is written as its copy stored it.
    updateRecord(teammate, evidenceSpec, exhibit.id, { title: `Payment ${RLO}gpj.scr` });
    linkRecords(teammate, { from_id: plan.id, to_id: site.id, relation: `pays ${RLO}rof` });
    linkRecords(teammate, { from_id: plan.id, to_id: exhibit.id, relation: 'cites' });
    linkRecords(teammate, { from_id: plan.id, to_id: person.id, relation: 'names' });
    linkRecords(teammate, { from_id: order.id, to_id: site.id, relation: 'covers' });
  });
  closeCaseFile(teammate);
  await harness.call('case.merge', { otherPath: copy });
  // What a site entered before hosts were checked for hidden characters holds.
  harness.session.caseFile.db
    .prepare('UPDATE website SET host_unicode = ?, raw_input = ? WHERE id = ?')
    .run(`hotmailbox${RLO}em.`, `https://hotmailbox${RLO}em./`, site.id);
}

/** No live bidi control in what is shown, nor in what a tooltip or a screen reader says. */
async function expectNothingLive(scope: Locator, what: string): Promise<void> {
  expect(await scope.textContent(), `${what} shows a live U+202E`).not.toMatch(LIVE_BIDI);
  const attributes = await scope.evaluate((root) =>
    [root, ...Array.from(root.querySelectorAll('*'))].flatMap((el) => ['aria-label', 'title', 'aria-description'].map((a) => el.getAttribute(a) ?? '')).join('\n'),
  );
  expect(attributes, `${what} names something with a live U+202E`).not.toMatch(LIVE_BIDI);
}

test('every kind\'s list shows stored titles, names and values with bidi overrides spelled out and flagged', async ({ page, harness }) => {
  await mergeTeammateItems(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);
  const lists = [
    { section: 'Evidence', row: 'Payment', shown: ['Payment \\u202egpj.scr'] },
    { section: 'Websites', row: 'hotmailbox', shown: ['hotmailbox\\u202eem.', 'Name\\u202epaehc'] },
    { section: 'Court orders', row: 'TRO', shown: ['TRO \\u202efdp.exe', 'Court \\u202etsaE'] },
    { section: 'Stakeholders', row: 'Arkose', shown: ['Arkose \\u202esbaL', 'Org \\u202eCLL'] },
    { section: 'Notes', row: 'Payout', shown: ['Payout \\u202egpj.scr', TEAMMATE_SHOWN] },
  ] as const;
  for (const list of lists) {
    await app.open(list.section);
    const row = app.row(list.row);
    await expect(row).toHaveCount(1);
    await page.screenshot({ path: path.join('test-results', `untrusted-list-${list.section.replace(/ /g, '-').toLowerCase()}.png`) });
    await expectNothingLive(app.grid, `the ${list.section} list`);
    for (const text of list.shown) await expect(row, `${list.section}: ${text}`).toContainText(text);
    // Flagged first, where a cell that cuts its text off still shows the flag.
    await expect(row.locator('.untrusted-flag').first()).toBeVisible();
  }
});

test('the detail pane, its linked items and its history show a teammate\'s text spelled out and flagged', async ({ page, harness }) => {
  await mergeTeammateItems(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);

  await app.open('Notes');
  await app.row('Invoice').click();
  const detail = app.detail;
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Invoice \\u202efdp.exe');
  await expect(detail.getByRole('note').filter({ hasText: 'The title contains characters' })).toBeVisible();
  // Linked items: a host, a relation, an exhibit's original name (its subtitle) and a person.
  await expect(app.linkedItems()).toHaveCount(3);
  await expect(app.linkedItems().filter({ hasText: 'hotmailbox' })).toContainText('hotmailbox\\u202eem.');
  await expect(app.linkedItems().filter({ hasText: 'hotmailbox' })).toContainText('pays \\u202erof');
  await expect(app.linkedItems().filter({ hasText: 'Payment' })).toContainText('invoice\\u202efdp.exe');
  await expect(app.linkedItems().filter({ hasText: 'Arkose' })).toContainText('Arkose \\u202esbaL');
  await expect(app.linkedItems().filter({ hasText: 'hotmailbox' }).locator('.untrusted-flag').first()).toBeVisible();
  // History: who changed it and what it was changed to.
  const history = detail.locator('.history-list');
  await expect(history).toContainText(TEAMMATE_SHOWN);
  await expect(history).toContainText('Seizure plan → Invoice \\u202efdp.exe');
  await expect(history).toContainText('Draft → Pay \\u202efdp.exe');
  await expect(history.locator('.untrusted-flag').first()).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Record' })).toContainText(`Last changed by ${TEAMMATE_SHOWN}`);
  await detail.getByRole('heading', { name: /History/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'untrusted-detail-note.png') });
  await expectNothingLive(detail, 'the note\'s detail pane');
  // The flags (icon, badge, note) pass the same WCAG checks as the rest of the window, both themes.
  await expectAccessible(page, 'notes list and a note\'s details with spelled-out text');
  // The graph opens the same pane for a node.
  await app.open('Graph');
  await page.getByRole('group', { name: /Link graph/ }).getByRole('button', { name: /^Invoice/ }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Invoice \\u202efdp.exe');
  await expect(history).toContainText(TEAMMATE_SHOWN);
  await expectNothingLive(detail, 'the detail pane the graph opens');

  await app.open('Websites');
  await app.row('hotmailbox').click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('hotmailbox\\u202eem.');
  const fields = detail.getByRole('region', { name: 'Fields' });
  await expect(fields).toContainText('https://hotmailbox\\u202eem./');
  await expect(fields).toContainText('Name\\u202epaehc');
  await expect(fields).toContainText('Host \\u202eti');
  await expect(fields.locator('.untrusted-flag').first()).toBeVisible();
  const lifecycle = detail.getByRole('list', { name: 'Lifecycle history' });
  await expect(lifecycle).toContainText(`by ${TEAMMATE_SHOWN}`);
  await expect(lifecycle).toContainText('Named \\u202eredro');
  await page.screenshot({ path: path.join('test-results', 'untrusted-detail-website.png') });
  await expectNothingLive(detail, 'the website\'s detail pane');

  await app.open('Court orders');
  await app.row('TRO').click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('TRO \\u202efdp.exe');
  await expect(detail).toContainText('Court \\u202etsaE');
  await expect(detail).toContainText('Judge \\u202eeoD');
  // The websites it covers and its Appendix A name the host and registrar as stored.
  await expect(detail.getByRole('region', { name: /Covers/ })).toContainText('hotmailbox\\u202eem.');
  await expect(detail.getByRole('table', { name: 'First appendix rows' })).toContainText('Name\\u202epaehc');
  await page.screenshot({ path: path.join('test-results', 'untrusted-detail-order.png') });
  await expectNothingLive(detail, 'the order\'s detail pane');
  await expectAccessible(page, 'an order\'s details with spelled-out text');

  await app.open('Stakeholders');
  await app.row('Arkose').click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Arkose \\u202esbaL');
  await expect(detail).toContainText('Org \\u202eCLL');
  await expect(detail).toContainText('Suite \\u202e9');
  await page.screenshot({ path: path.join('test-results', 'untrusted-detail-stakeholder.png') });
  await expectNothingLive(detail, 'the stakeholder\'s detail pane');

  await app.open('Evidence');
  await app.row('Payment').click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(/: Payment \\u202egpj\.scr$/);
  await expect(detail).toContainText(`Last changed by ${TEAMMATE_SHOWN}`);
  await page.screenshot({ path: path.join('test-results', 'untrusted-detail-evidence.png') });
  await expectNothingLive(detail, 'the exhibit\'s detail pane');
  // The dialogs the pane opens quote its title.
  await detail.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Payment \\u202egpj.scr');
  await expectNothingLive(confirm, 'the delete dialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await detail.getByRole('button', { name: 'Link…' }).click();
  const picker = page.getByRole('dialog', { name: 'Link to another item' });
  await expect(picker).toContainText('Payment \\u202egpj.scr');
  await expectNothingLive(picker, 'the link dialog');
});
