import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { twoCopiesOfNewCase } from '../../helpers/twoCopies';

// Adversarial finding (adv-regress): 115b900 copies a tombstoned duplicate's status history to the
// row that stays, but not its status: the kept row lists "2024-03-01 transfer confirmed" as its
// newest event and still says "served (2024-02-01)", after the merge and after conflicts resolve
// --keep. `site list --status transfer_confirmed` misses it; recording the step again with
// `site status` lists it twice. 7e87623's rule is that the current status follows the dates of
// the lifecycle events.
describe('a merged duplicate domain: its status follows the history it now holds', () => {
  it('served on one copy, transfer confirmed later on the other: transfer confirmed after the merge', async () => {
    const { alice, bob } = await twoCopiesOfNewCase('Dup');
    const a = (await dossierJson<{ id: string }>(['site', 'add', alice, 'example.com', '--status', 'identified', '--status-date', '2024-01-01', '--actor', 'Alice'])).id;
    const b = (await dossierJson<{ id: string }>(['site', 'add', bob, 'example.com', '--status', 'identified', '--status-date', '2024-01-02', '--actor', 'Bob'])).id;
    await dossierJson(['site', 'status', alice, a, 'served', '--date', '2024-02-01', '--actor', 'Alice']);
    await dossierJson(['site', 'status', bob, b, 'transfer_confirmed', '--date', '2024-03-01', '--actor', 'Bob']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    const kept = a < b ? a : b;
    const events = await dossierJson<{ at: string; status: string }[]>(['site', 'history', alice, kept]);
    expect(events.at(-1)).toMatchObject({ at: '2024-03-01', status: 'transfer_confirmed' });
    const site = (await dossierJson<{ item: { status: string; status_at: string } }>(['show', alice, kept])).item;
    expect([site.status, site.status_at]).toEqual(['transfer_confirmed', '2024-03-01']);
    expect((await dossier(['check', alice])).status).toBe(0);
  });
});
