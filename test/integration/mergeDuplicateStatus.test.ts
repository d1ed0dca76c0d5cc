import { describe, expect, it } from 'vitest';
import type { WebsiteStatusEvent } from '../../src-main/contract/records';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { twoCopiesOfNewCase } from '../helpers/twoCopies';

interface Conflict { id: string; kind: string }

/**
 * Alice and Bob copy one case and each add dup-two.com with a status history of its own; both
 * record the same order naming it (one identical event), Bob alone that it was served, Alice alone
 * that evidence was captured.
 */
async function twoCopiesWithDuplicate(): Promise<{ alice: string; bob: string; alicesSite: string; bobsSite: string }> {
  const { alice, bob } = await twoCopiesOfNewCase('Dup');
  const alicesSite = (await dossierJson<{ id: string }>(['site', 'add', alice, 'dup-two.com', '--actor', 'Alice'])).id;
  const bobsSite = (await dossierJson<{ id: string }>(['site', 'add', bob, 'dup-two.com', '--actor', 'Bob'])).id;
  await dossierJson(['site', 'status', alice, alicesSite, 'named_in_order', '--date', '2024-03-02', '--note', 'TRO', '--actor', 'Alice']);
  await dossierJson(['site', 'status', alice, alicesSite, 'evidence_captured', '--date', '2024-03-03T10:00:00Z', '--actor', 'Alice']);
  await dossierJson(['site', 'status', bob, bobsSite, 'named_in_order', '--date', '2024-03-02', '--note', 'TRO', '--actor', 'Bob']);
  await dossierJson(['site', 'status', bob, bobsSite, 'served', '--date', '2024-03-04T09:00:00Z', '--note', 'served on the registrar', '--actor', 'Bob']);
  return { alice, bob, alicesSite, bobsSite };
}

async function history(file: string, site: string): Promise<WebsiteStatusEvent[]> {
  return dossierJson<WebsiteStatusEvent[]>(['site', 'history', file, site]);
}

/** The events as a reader compares them: what, when, with which note and by whom; in the order listed. */
const shown = (events: WebsiteStatusEvent[]): string[] => events.map((e) => `${e.at.slice(0, 10)} ${e.status} ${e.note ?? '-'} (${e.created_by})`);

/**
 * Both rows' events on the kept row, by time: the order naming the domain once (the kept row's
 * own, recorded by `namedBy`), then each side's own events, then the two rows' creations today.
 */
function bothHistories(namedBy: string, events: WebsiteStatusEvent[]): string[] {
  const today = events.find((e) => e.status === 'identified')!.at.slice(0, 10);
  return [
    `2024-03-02 named_in_order TRO (${namedBy})`,
    '2024-03-03 evidence_captured - (Alice)',
    '2024-03-04 served served on the registrar (Bob)',
    `${today} identified - (Alice)`,
    `${today} identified - (Bob)`,
  ];
}

describe('a duplicate domain settled by a merge keeps the status history of the row it tombstones', () => {
  it('merge: the kept row lists the other row’s events in time order, an identical event once; check is clean; copies converge', async () => {
    const { alice, bob, alicesSite, bobsSite } = await twoCopiesWithDuplicate();
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    // The smaller id stays (Alice's, added first).
    expect(alicesSite < bobsSite).toBe(true);
    const kept = await history(alice, alicesSite);
    expect(kept.every((e) => e.website_id === alicesSite)).toBe(true);
    expect(kept.map((e) => e.at)).toEqual([...kept.map((e) => e.at)].sort());
    expect(shown(kept)).toEqual(bothHistories('Alice', kept));
    expect((await dossier(['check', alice])).status).toBe(0);

    // Bob's copy settles the same way; the two converge on the same history and stay clean.
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    expect((await dossier(['merge', alice, bob, '--actor', 'Alice'])).stdout).toContain('already up to date');
    expect((await dossier(['merge', bob, alice, '--actor', 'Bob'])).stdout).toContain('already up to date');
    expect(shown(await history(bob, alicesSite))).toEqual(shown(kept));
    expect(shown(await history(alice, alicesSite))).toEqual(shown(kept));
    for (const file of [alice, bob]) expect((await dossier(['check', file])).status).toBe(0);
  });

  it('conflicts resolve --keep theirs: the surviving row takes the tombstoned row’s events, none twice; check is clean on both copies', async () => {
    const { alice, bob, alicesSite, bobsSite } = await twoCopiesWithDuplicate();
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    const dup = (await dossierJson<Conflict[]>(['conflicts', alice])).find((c) => c.kind === 'duplicate')!;
    await dossierJson(['conflicts', 'resolve', alice, dup.id, '--keep', 'theirs', '--actor', 'Alice']);
    const kept = await history(alice, bobsSite);
    expect(shown(kept)).toEqual(bothHistories('Bob', kept));
    expect((await dossier(['check', alice])).status).toBe(0);
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    for (const file of [alice, bob]) {
      expect(shown(await history(file, bobsSite))).toEqual(shown(kept));
      expect((await dossier(['check', file])).status).toBe(0);
    }
    expect((await dossier(['merge', bob, alice, '--actor', 'Bob'])).stdout).toContain('already up to date');
  });
});
