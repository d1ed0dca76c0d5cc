import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { createDossierClient } from '../../../src-main/contract/createDossierClient';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

async function caseWithLinks() {
  const session = new CaseSession(ALICE);
  const api = createDossierClient((channel, request) => dispatch(session, channel, request) as never, () => () => {});
  await api['case.create']({ path: path.join(tempDir(), 'graph.dossier'), case: { title: 'Graph filters' } });
  const order = await api['orders.create']({ title: 'TRO', docket: 'd', court: 'SDNY', order_type: 'ex_parte_tro' });
  const registrar = await api['stakeholders.create']({ name: 'Registrar', kind: 'registrar' });
  const sites = [];
  for (let i = 0; i < 6; i++) sites.push(await api['websites.add']({ input: `site-${i}.example` }));
  for (const site of sites) await api['links.create']({ from_id: order.id, to_id: site.id, relation: 'covers' });
  for (const site of sites.slice(0, 2)) await api['links.create']({ from_id: registrar.id, to_id: site.id, relation: 'registrar of' });
  await api['links.create']({ from_id: sites[0]!.id, to_id: sites[1]!.id, relation: 'redirects to' });
  return { api, order, registrar, sites };
}

describe('graph.get filters', () => {
  it('counts every matching link while drawing at most the limit, by relation and by item kind', async () => {
    const { api, registrar } = await caseWithLinks();
    const all = await api['graph.get']({ limit: 3 });
    expect(all.edges).toHaveLength(3);
    expect(all.totalEdges).toBe(9);
    expect(all.truncated).toBe(true);
    expect(all.relations).toEqual([
      { relation: 'covers', count: 6 },
      { relation: 'registrar of', count: 2 },
      { relation: 'redirects to', count: 1 },
    ]);

    const covers = await api['graph.get']({ limit: 4, relations: ['covers'] });
    expect(covers.totalEdges).toBe(6);
    expect(covers.edges.map((e) => e.relation)).toEqual(['covers', 'covers', 'covers', 'covers']);

    // Links touching a stakeholder: the two "registrar of" links, drawn in full.
    const stakeholders = await api['graph.get']({ kinds: ['stakeholder'] });
    expect(stakeholders.truncated).toBe(false);
    expect(stakeholders.totalEdges).toBe(2);
    expect(stakeholders.edges.every((e) => e.from === registrar.id)).toBe(true);

    // Both filters: only website-to-website redirects pass "website" and "redirects to".
    const both = await api['graph.get']({ kinds: ['website'], relations: ['redirects to', 'no such relation'] });
    expect(both.edges.map((e) => e.relation)).toEqual(['redirects to']);
    expect(both.totalEdges).toBe(1);
    // The relation choices stay the whole case's, whatever the filter.
    expect(both.relations).toEqual(all.relations);
  });

  it('refuses malformed filters at the boundary', async () => {
    const { api } = await caseWithLinks();
    await expect(api['graph.get']({ relations: [''] })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(api['graph.get']({ relations: ['x'.repeat(101)] })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(api['graph.get']({ kinds: ['domain' as never] })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(api['graph.get']({ relations: 'covers' as never })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
