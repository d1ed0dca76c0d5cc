import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Website } from '../../src-main/contract/records';
import { compiledScript } from '../helpers/compiledScript';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { twoCopiesOfNewCase } from '../helpers/twoCopies';

interface Conflict { id: string; kind: string }

/*
 * The kept row of a duplicate domain takes the current status its combined history determines:
 * the latest dated status of the two rows (a row's undated creation is no fact about the site).
 * Before, the tombstoned row's events were carried but the kept row kept its own, earlier status,
 * and Appendix A printed it.
 */

/**
 * Alice and Bob copy one case; each adds hotmailbox.me (Alice first, so hers has the smaller id
 * and is the row a merge keeps). `later` says whose row reaches the later status.
 */
async function duplicateWithLaterStatusOn(later: 'Alice' | 'Bob'): Promise<{ alice: string; bob: string; alicesSite: string; bobsSite: string }> {
  const { alice, bob } = await twoCopiesOfNewCase('Follow');
  const add = async (file: string, actor: string, status: string, date: string) =>
    (await dossierJson<Website>(['site', 'add', file, 'hotmailbox.me', '--status', status, '--status-date', date, '--actor', actor])).id;
  const alicesSite = await add(alice, 'Alice', 'evidence_captured', '2023-11-01');
  const bobsSite = await add(bob, 'Bob', 'evidence_captured', '2023-11-02');
  const [file, site, actor] = later === 'Bob' ? [bob, bobsSite, 'Bob'] : [alice, alicesSite, 'Alice'];
  await dossierJson(['site', 'status', file, site, 'named_in_order', '--date', '2023-12-01', '--actor', actor]);
  await dossierJson(['site', 'status', file, site, 'transfer_confirmed', '--date', '2023-12-13', '--note', 'registry confirmed the transfer', '--actor', actor]);
  expect(alicesSite < bobsSite).toBe(true);
  return { alice, bob, alicesSite, bobsSite };
}

async function site(file: string, id: string): Promise<Website> {
  return (await dossierJson<{ item: Website }>(['show', file, id])).item;
}

/** What a reader and Appendix A see of a site's lifecycle. */
const current = (w: Website) => `${w.status} ${w.status_at}`;

async function expectClean(...files: string[]): Promise<void> {
  for (const file of files) {
    const check = await dossier(['check', file]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }
}

/** Runs mergeKilledChild until its merge has written (what it printed before "ready"), then kills it with SIGKILL. */
function killMidMerge(file: string, other: string, site: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiledScript(path.join(import.meta.dirname, 'mergeKilledChild.ts')), file, other, site], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('ready')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(stdout.split('\n')[0]!) : reject(new Error(`child exited with ${code}: ${stderr}`))));
  });
}

describe('a duplicate domain settled by a merge: the kept row’s current status follows the carried history', () => {
  it('both merge directions give the kept row the later status, as the same row; re-merging changes nothing; check is clean', async () => {
    const { alice, bob, alicesSite } = await duplicateWithLaterStatusOn('Bob');
    // Each side merges the other's copy as it was before any merge.
    const aliceBefore = path.join(path.dirname(alice), 'alice-before.dossier');
    fs.copyFileSync(alice, aliceBefore);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    const onAlice = await site(alice, alicesSite);
    expect(current(onAlice)).toBe('transfer_confirmed 2023-12-13');
    expect((await dossier(['merge', alice, bob, '--actor', 'Alice'])).stdout).toContain('already up to date');
    await expectClean(alice);

    await dossierJson(['merge', bob, aliceBefore, '--actor', 'Bob']);
    const onBob = await site(bob, alicesSite);
    // The same version of the kept row (stamp, fields, who and when), whichever copy merged which.
    expect(onBob).toEqual(onAlice);
    await expectClean(bob);

    // Merged back and forth: nothing more changes and both settle.
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    expect((await dossier(['merge', alice, bob, '--actor', 'Alice'])).stdout).toContain('already up to date');
    expect((await dossier(['merge', bob, alice, '--actor', 'Bob'])).stdout).toContain('already up to date');
    expect(await site(alice, alicesSite)).toEqual(onAlice);
    expect(await site(bob, alicesSite)).toEqual(onAlice);
    await expectClean(alice, bob);
  });

  it('a merge killed after the kept row followed leaves the case as before the merge; merging again follows; check is clean', async () => {
    const { alice, bob, alicesSite } = await duplicateWithLaterStatusOn('Bob');
    // The kill lands after the follow was written (in the uncommitted transaction).
    expect(await killMidMerge(alice, bob, alicesSite)).toBe('transfer_confirmed 2023-12-13');
    expect(fs.statSync(`${alice}-journal`).size, 'a hot journal beside the case').toBeGreaterThan(0);
    await expectClean(alice);
    expect(fs.existsSync(`${alice}-journal`)).toBe(false);
    expect(current(await site(alice, alicesSite))).toBe('evidence_captured 2023-11-01');
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    expect(current(await site(alice, alicesSite))).toBe('transfer_confirmed 2023-12-13');
    await expectClean(alice);
  });

  it('the kept row’s own later status stays; an undated creation of the other row does not count as later', async () => {
    const { alice, bob } = await twoCopiesOfNewCase('Undated');
    const alicesSite = (await dossierJson<Website>(['site', 'add', alice, 'hotmailbox.me', '--actor', 'Alice'])).id;
    const bobsSite = (await dossierJson<Website>(['site', 'add', bob, 'hotmailbox.me', '--actor', 'Bob'])).id;
    await dossierJson(['site', 'status', alice, alicesSite, 'served', '--date', '2023-12-13', '--actor', 'Alice']);
    expect(alicesSite < bobsSite).toBe(true);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    // Bob's row was "identified" when he entered it today: no fact dated after the service.
    expect(current(await site(alice, alicesSite))).toBe('served 2023-12-13');
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    expect(current(await site(bob, alicesSite))).toBe('served 2023-12-13');
    await expectClean(alice, bob);
  });

  it('two undated rows: the kept row is left as it was (no later fact, no new version)', async () => {
    const { alice, bob } = await twoCopiesOfNewCase('Both undated');
    const alicesSite = (await dossierJson<Website>(['site', 'add', alice, 'hotmailbox.me', '--actor', 'Alice'])).id;
    const before = await site(alice, alicesSite);
    await dossierJson(['site', 'add', bob, 'hotmailbox.me', '--actor', 'Bob']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    expect(await site(alice, alicesSite)).toEqual(before);
  });

  it('after the merge, a dated status set on the kept row moves it past the other row’s carried undated creation', async () => {
    const { alice, bob } = await twoCopiesOfNewCase('Carried creation');
    const alicesSite = (await dossierJson<Website>(['site', 'add', alice, 'hotmailbox.me', '--actor', 'Alice'])).id;
    await dossierJson(['site', 'add', bob, 'hotmailbox.me', '--actor', 'Bob']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    // Bob's "identified" (dated when he typed it in, today) is on Alice's row now: no fact after 2024.
    await dossierJson(['site', 'status', alice, alicesSite, 'offline', '--date', '2024-01-05', '--actor', 'Alice']);
    expect(current(await site(alice, alicesSite))).toBe('offline 2024-01-05');
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    expect(current(await site(bob, alicesSite))).toBe('offline 2024-01-05');
    await expectClean(alice, bob);
  });

  it('conflicts resolve --keep theirs: the row chosen to stay takes the later status of the one tombstoned, on every copy', async () => {
    const { alice, bob, bobsSite } = await duplicateWithLaterStatusOn('Alice');
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    const dup = (await dossierJson<Conflict[]>(['conflicts', alice])).find((c) => c.kind === 'duplicate')!;
    await dossierJson(['conflicts', 'resolve', alice, dup.id, '--keep', 'theirs', '--actor', 'Alice']);
    const kept = await site(alice, bobsSite);
    expect(current(kept)).toBe('transfer_confirmed 2023-12-13');
    await expectClean(alice);
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    expect((await dossier(['merge', bob, alice, '--actor', 'Bob'])).stdout).toContain('already up to date');
    for (const file of [alice, bob]) expect(await site(file, bobsSite)).toEqual(kept);
    await expectClean(alice, bob);
  });

  it('Appendix A of a filing packet (with its status column) prints the status the kept row followed', async () => {
    const { alice, bob, alicesSite, bobsSite } = await duplicateWithLaterStatusOn('Bob');
    const order = (await dossierJson<{ id: string }>(['order', 'add', bob, '--title', 'TRO', '--docket', '1:23-cv-1', '--court', 'SDNY', '--type', 'tro', '--actor', 'Bob'])).id;
    await dossierJson(['link', bob, order, bobsSite, '--relation', 'covers', '--actor', 'Bob']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    const appendix = await dossierJson<{ domains: { website_ids: string[]; statuses: string[] }[] }>(['appendix', alice, order]);
    expect(appendix.domains.map((d) => `${d.website_ids.join()} ${d.statuses.join()}`)).toEqual([`${alicesSite} transfer_confirmed`]);
    const out = path.join(path.dirname(alice), 'appendix.pdf');
    await dossierJson(['packet', alice, '--out', out, '--order', order, '--sections', 'cover,appendix', '--columns', '--profile', 'generic-50mb', '--actor', 'Alice']);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const line = text.split('\n').find((l) => l.includes('hotmailbox.me'));
    expect(line).toMatch(/Transfer confirmed/i);
    expect(line).not.toMatch(/Evidence captured/i);
  });
});
