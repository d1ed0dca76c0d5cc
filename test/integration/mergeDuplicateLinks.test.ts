import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { twoCopiesOfNewCase } from '../helpers/twoCopies';

interface Link { id: string; link_id: string; relation: string; direction: string }
interface Conflict { id: string; kind: string; lost_value: Record<string, unknown>; kept_value: Record<string, unknown> }

/**
 * Alice and Bob copy one case; Alice adds dup-two.com; Bob adds an order, the same domain (with
 * values Alice's row lacks) and links the order to it as covering it.
 */
async function twoCopiesWithDuplicate(): Promise<{ alice: string; bob: string; order: string; alicesSite: string; bobsSite: string }> {
  const { alice, bob } = await twoCopiesOfNewCase('Dup');
  const alicesSite = (await dossierJson<{ id: string }>(['site', 'add', alice, 'dup-two.com', '--actor', 'Alice'])).id;
  const order = (await dossierJson<{ id: string }>(['order', 'add', bob, '--title', 'TRO', '--docket', '1:23', '--court', 'EDNY', '--type', 'tro', '--actor', 'Bob'])).id;
  const bobsSite = (await dossierJson<{ id: string }>(['site', 'add', bob, 'dup-two.com', '--registrar', 'Tucows', '--role', 'c2', '--notes', 'seen in the kit', '--actor', 'Bob'])).id;
  await dossierJson(['link', bob, order, bobsSite, '--relation', 'covers', '--actor', 'Bob']);
  return { alice, bob, order, alicesSite, bobsSite };
}

async function appendixDomains(file: string, order: string): Promise<string[]> {
  const appendix = await dossierJson<{ domains: { domain_ascii: string }[] }>(['appendix', file, order]);
  return appendix.domains.map((d) => d.domain_ascii);
}

describe('a duplicate domain settled by a merge keeps the links and values of the row it tombstones', () => {
  it('merge: the kept row takes over the covers link; the order still covers the domain on both copies; check is clean', async () => {
    const { alice, bob, order, alicesSite, bobsSite } = await twoCopiesWithDuplicate();
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    const kept = alicesSite < bobsSite ? alicesSite : bobsSite;
    expect(await appendixDomains(alice, order)).toEqual(['dup-two.com']);
    const links = await dossierJson<Link[]>(['links', alice, kept]);
    expect(links.filter((l) => l.relation === 'covers').map((l) => l.id)).toEqual([order]);
    expect((await dossier(['check', alice])).status).toBe(0);

    // Bob's copy settles the same way and the two converge.
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    expect(await appendixDomains(bob, order)).toEqual(['dup-two.com']);
    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    expect((await dossier(['merge', alice, bob, '--actor', 'Alice'])).stdout).toContain('already up to date');
    expect((await dossier(['merge', bob, alice, '--actor', 'Bob'])).stdout).toContain('already up to date');
    expect((await dossier(['check', bob])).status).toBe(0);

    // The values only the tombstoned row had are listed in the duplicate conflict, not dropped silently.
    const conflicts = await dossierJson<Conflict[]>(['conflicts', alice]);
    const dup = conflicts.find((c) => c.kind === 'duplicate')!;
    if (kept === alicesSite) expect(dup.lost_value).toMatchObject({ registrar: 'Tucows', role: 'c2', notes: 'seen in the kit' });
    const human = await dossier(['conflicts', alice]);
    if (kept === alicesSite) expect(human.stdout).toMatch(/registrar: Tucows/);
  });

  for (const keep of ['mine', 'theirs'] as const) {
    it(`conflicts resolve --keep ${keep}: the order still covers the surviving row, on every copy after merges`, async () => {
      const { alice, bob, order, alicesSite, bobsSite } = await twoCopiesWithDuplicate();
      await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
      const dup = (await dossierJson<Conflict[]>(['conflicts', alice])).find((c) => c.kind === 'duplicate')!;
      await dossierJson(['conflicts', 'resolve', alice, dup.id, '--keep', keep, '--actor', 'Alice']);
      const survivor = keep === 'mine' ? alicesSite : bobsSite;
      expect(await appendixDomains(alice, order)).toEqual(['dup-two.com']);
      expect((await dossierJson<Link[]>(['links', alice, survivor])).filter((l) => l.relation === 'covers').map((l) => l.id)).toEqual([order]);
      expect((await dossier(['check', alice])).status).toBe(0);
      await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
      await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
      for (const file of [alice, bob]) {
        expect(await appendixDomains(file, order)).toEqual(['dup-two.com']);
        expect((await dossier(['check', file])).status).toBe(0);
      }
      expect((await dossier(['merge', bob, alice, '--actor', 'Bob'])).stdout).toContain('already up to date');
    });
  }
});
