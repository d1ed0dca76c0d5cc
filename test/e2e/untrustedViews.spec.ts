import fs from 'node:fs';
import path from 'node:path';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { linkRecords } from '../../src-main/links/linkService';
import { noteService } from '../../src-main/notes/noteService';
import type { DossierHarness } from './harness/DossierHarness';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * Text another person wrote reaches this case through a merge: a teammate's copy (an older version,
 * or a hostile one that skipped the one-line rule) carries titles, a note body, a link relation and
 * the teammate's own name with a live U+202E RIGHT-TO-LEFT OVERRIDE, which would show
 * "Invoice \u202Efdp.exe" as "Invoice exe.pdf". The Conflicts view, the timeline and the graph
 * must show each spelled out (`\u202e`) and flag it, as the evidence views do.
 */
const RLO = '\u202E';
const LIVE_BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const TEAMMATE = `Bob ${RLO}lesnuoC`;

async function mergeTeammateWork(harness: DossierHarness): Promise<void> {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Merged hostile text' } });
  const plan = await harness.call('notes.create', { title: 'Seizure plan', body: 'Draft' });
  const site = await harness.call('websites.add', { input: 'hotmailbox.me', first_seen: '2023-03-02' });
  const file = harness.session.caseFile.path;
  const copy = path.join(path.dirname(file), 'teammate.dossier');
  fs.copyFileSync(file, copy);
  await harness.call('notes.update', { id: plan.id, patch: { body: 'Mine: seize via the registrar' } });
  // Services take validated input: called directly, they store what an unchecked copy would hold.
  const teammate = openCaseFile(copy, { actor: { name: TEAMMATE, device: 'bob-desktop' }, wallClock: () => Date.now() + 60_000 });
  writeTransaction(teammate, () => {
    noteService.update(teammate, plan.id, { title: `Invoice ${RLO}fdp.exe`, body: `Theirs: pay invoice ${RLO}fdp.exe` });
    const payout = noteService.create(teammate, { title: `Payout ${RLO}gpj.scr`, body: 'Wallet list' });
    linkRecords(teammate, { from_id: payout.id, to_id: site.id, relation: `pays ${RLO}rof` });
  });
  closeCaseFile(teammate);
  // A host stored before hosts were checked for hidden characters.
  harness.session.caseFile.db.prepare('UPDATE website SET host_unicode = ? WHERE id = ?').run(`hotmailbox${RLO}em.`, site.id);
  await harness.call('case.merge', { otherPath: copy });
}

test('the Conflicts view shows a teammate\'s values and name with bidi overrides spelled out and flagged', async ({ page, harness }) => {
  await mergeTeammateWork(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Conflicts');
  const card = page.getByRole('article').filter({ hasText: 'Edited on two copies' });
  await expect(card).toContainText('Mine: seize via the registrar');
  await page.screenshot({ path: path.join('test-results', 'untrusted-conflicts.png'), fullPage: true });
  expect(await card.textContent(), 'the conflict card shows a live U+202E').not.toMatch(LIVE_BIDI);
  await expect(card).toContainText('Theirs: pay invoice \\u202efdp.exe');
  await expect(card).toContainText('Bob \\u202elesnuoC');
  await expect(card.locator('.untrusted-flag').first()).toBeVisible();
  for (const button of await card.getByRole('button').all()) {
    expect(await button.getAttribute('aria-label') ?? await button.textContent(), 'a button names a side with a live U+202E').not.toMatch(LIVE_BIDI);
  }
});

test('the timeline shows titles, hosts and authors with bidi overrides spelled out and flagged', async ({ page, harness }) => {
  await mergeTeammateWork(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Timeline');
  await expect(app.row('Note written by')).toHaveCount(2);
  await page.screenshot({ path: path.join('test-results', 'untrusted-timeline.png') });
  expect(await app.grid.textContent(), 'the timeline shows a live U+202E').not.toMatch(LIVE_BIDI);
  await expect(app.grid).toContainText('Payout \\u202egpj.scr');
  await expect(app.grid).toContainText('Note written by Bob \\u202elesnuoC');
  await expect(app.grid).toContainText('hotmailbox\\u202eem.');
  // Each row with such text says so; the flag comes first, where a cut-off cell still shows it.
  await expect(app.row('Payout').locator('.untrusted-flag').first()).toBeVisible();
  await expect(app.row('hotmailbox').locator('.untrusted-flag').first()).toBeVisible();
});

test('the graph draws and names nodes and relations with bidi overrides spelled out', async ({ page, harness }) => {
  await mergeTeammateWork(harness);
  // A long title is cut for drawing: never through the middle of a spelled-out character, which
  // would leave "\u20" to be read as text.
  const CUT = 'Seized wallet list, Storm-1152 crew';
  noteService.create(harness.session.caseFile, { title: `${CUT}${RLO}fdp.exe`, body: '' });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Graph');
  const graph = page.getByRole('group', { name: /Link graph/ });
  await expect(graph.getByRole('button', { name: /^Payout/ })).toBeVisible();
  await page.screenshot({ path: path.join('test-results', 'untrusted-graph.png') });
  // What is drawn (labels), what tooltips say (<title>) and what screen readers hear (aria-label).
  expect(await graph.textContent(), 'the graph draws a live U+202E').not.toMatch(LIVE_BIDI);
  await expect(graph.locator('text', { hasText: 'Payout \\u202egpj.scr' })).toBeVisible();
  const names = await graph.getByRole('button').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
  expect(names.join('\n'), 'a node is named with a live U+202E').not.toMatch(LIVE_BIDI);
  expect(names.find((n) => n.startsWith('Payout'))).toMatch(/^Payout \\u202egpj\.scr, Note/);
  await expect(graph.locator('text', { hasText: CUT })).toHaveText(`${CUT}…`);
  expect(names.find((n) => n.startsWith(CUT))).toMatch(/^Seized wallet list, Storm-1152 crew… \(Seized wallet list, Storm-1152 crew\\u202efdp\.exe\), Note\. The title contains characters/);
  // The relation filter's choices.
  const relations = await page.getByRole('combobox', { name: /Relation/ }).locator('option').allTextContents();
  expect(relations.join('\n'), 'the relation filter lists a live U+202E').not.toMatch(LIVE_BIDI);
  expect(relations).toContain('pays \\u202erof (1)');

  await page.getByRole('button', { name: 'Show as table' }).click();
  const table = page.getByRole('table', { name: 'Links' });
  await expect(table).toContainText('pays \\u202erof');
  // The table replaces the drawing: it is not left drawn below the table.
  await expect(graph).toBeHidden();
  await page.screenshot({ path: path.join('test-results', 'untrusted-graph-table.png') });
  expect(await table.textContent(), 'the link table shows a live U+202E').not.toMatch(LIVE_BIDI);
  await expect(table).toContainText('Payout \\u202egpj.scr');
  await expect(table).toContainText('hotmailbox\\u202eem.');
  await expect(table.locator('.untrusted-flag').first()).toBeVisible();
});
