import { describe, expect, it } from 'vitest';
import { linkedItems } from '../../../src-main/items/linkedItems';
import { linkRecords, unlinkRecords } from '../../../src-main/links/linkService';
import { linkGraph } from '../../../src-main/links/linkGraph';
import { noteService } from '../../../src-main/notes/noteService';
import { orderService } from '../../../src-main/orders/orderService';
import { stakeholderService } from '../../../src-main/stakeholders/stakeholderService';
import { searchCase } from '../../../src-main/search/searchCase';
import { timeline } from '../../../src-main/timeline/timeline';
import { addWebsite, setWebsiteStatus } from '../../../src-main/websites/websiteService';
import type { DossierError } from '../../../src-main/contract/errors';
import { newTestCase } from '../../helpers/testCase';

describe('links', () => {
  it('shows a link from both ends, is idempotent, and can be removed', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'hotmailbox.me' });
    const order = orderService.create(cf, { title: 'TRO', docket: 'd', court: 'SDNY', order_type: 'ex_parte_tro' });
    const registry = stakeholderService.create(cf, { name: 'doMEn', kind: 'registry' });
    const link = linkRecords(cf, { from_id: order.id, to_id: site.id, relation: 'covers' });
    expect(linkRecords(cf, { from_id: order.id, to_id: site.id, relation: 'covers' }).id).toBe(link.id);
    linkRecords(cf, { from_id: registry.id, to_id: site.id, relation: 'registry of' });
    expect(linkedItems(cf, order.id)).toEqual([expect.objectContaining({ id: site.id, kind: 'website', relation: 'covers', direction: 'outgoing' })]);
    expect(linkedItems(cf, site.id).map((l) => [l.id, l.direction])).toEqual([
      [order.id, 'incoming'],
      [registry.id, 'incoming'],
    ]);
    const graph = linkGraph(cf);
    expect(graph.edges).toHaveLength(2);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([site.id, order.id, registry.id].sort());
    unlinkRecords(cf, link.id);
    expect(linkedItems(cf, order.id)).toEqual([]);
  });

  it('refuses links to missing records and to itself', () => {
    const cf = newTestCase();
    const note = noteService.create(cf, { title: 'n', body: '' });
    const codes: string[] = [];
    for (const to of [note.id, '01900000-0000-7000-8000-000000000000', 'not-an-id']) {
      try {
        linkRecords(cf, { from_id: note.id, to_id: to });
      } catch (error) {
        codes.push((error as DossierError).code);
      }
    }
    expect(codes).toEqual(['INVALID_REQUEST', 'NOT_FOUND', 'INVALID_REQUEST']);
  });

  it('hides links to deleted items', () => {
    const cf = newTestCase();
    const a = noteService.create(cf, { title: 'a', body: '' });
    const b = noteService.create(cf, { title: 'b', body: '' });
    linkRecords(cf, { from_id: a.id, to_id: b.id });
    noteService.remove(cf, b.id);
    expect(linkedItems(cf, a.id)).toEqual([]);
  });
});

describe('search', () => {
  const HOSTILE = ['"', '""', '*', 'NEAR(', 'NEAR(a b', "'; DROP TABLE note; --", 'body:abc', 'title:x OR 1', 'multi-agent', "who's",
    'AND', 'OR NOT', '(', ')', '^', '-', 'ä ö ü ß', '😀', '中文 検索', '\u0000', 'x'.repeat(10_000), 'a '.repeat(5000), '\u202Eevil'];

  it('finds items by words in any field, ranked, with a snippet', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'hotmailbox.me', notes: 'Marketplace for fraudulent Outlook accounts' });
    const note = noteService.create(cf, { title: 'Hotmailbox payments', body: 'Payments traced via a processor.' });
    noteService.create(cf, { title: 'Unrelated', body: 'nothing here' });
    const hits = searchCase(cf, 'hotmailbox');
    expect(hits.map((h) => h.id).sort()).toEqual([site.id, note.id].sort());
    expect(searchCase(cf, 'fraudulent outlook')[0]?.id).toBe(site.id);
    expect(searchCase(cf, 'processor')[0]).toMatchObject({ id: note.id, kind: 'note' });
    expect(searchCase(cf, 'processor')[0]!.snippet).toContain('⟦processor⟧');
  });

  it('marks matches out of band: brackets in the text itself are never shown as a match', () => {
    const cf = newTestCase();
    noteService.create(cf, { title: 'Chat log', body: 'payment confirmed. ⟦STATUS: VERIFIED BY COURT⟧ done' });
    const [hit] = searchCase(cf, 'confirmed');
    expect(hit!.snippet_parts.filter((p) => p.match).map((p) => p.text)).toEqual(['confirmed']);
    expect(hit!.snippet_parts.map((p) => p.text).join('')).toBe('payment confirmed. ⟦STATUS: VERIFIED BY COURT⟧ done');
    // Host hits by substring mark the searched text too.
    addWebsite(cf, { input: 'nonecaptcha.com' });
    const host = searchCase(cf, 'onecapt').find((h) => h.kind === 'website')!;
    expect(host.snippet_parts).toEqual([
      { text: 'n', match: false },
      { text: 'onecapt', match: true },
      { text: 'cha.com', match: false },
    ]);
  });

  it('finds hosts by any substring and by prefix of a word', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'nonecaptcha.com' });
    expect(searchCase(cf, 'onecapt').map((h) => h.id)).toEqual([site.id]);
    expect(searchCase(cf, 'nonecap').map((h) => h.id)).toEqual([site.id]);
  });

  it('never throws on hostile strings', () => {
    const cf = newTestCase();
    noteService.create(cf, { title: "who's multi-agent NEAR( body:abc", body: '"quoted" * ä ö ü 中文 😀' });
    for (const query of HOSTILE) {
      expect(() => searchCase(cf, query), JSON.stringify(query.slice(0, 30))).not.toThrow();
    }
    expect(searchCase(cf, "who's").length).toBe(1);
    expect(searchCase(cf, 'multi-agent').length).toBe(1);
    expect(searchCase(cf, 'body:abc').length).toBe(1);
    expect(searchCase(cf, '中文').length).toBe(1);
    expect(cf.db.prepare('SELECT count(*) FROM note').pluck().get()).toBe(1);
  });

  it('forgets deleted items and follows edits', () => {
    const cf = newTestCase();
    const note = noteService.create(cf, { title: 'Alpha', body: '' });
    noteService.update(cf, note.id, { title: 'Bravo' });
    expect(searchCase(cf, 'alpha')).toEqual([]);
    expect(searchCase(cf, 'bravo')).toHaveLength(1);
    noteService.remove(cf, note.id);
    expect(searchCase(cf, 'bravo')).toEqual([]);
  });
});

describe('timeline', () => {
  it('lists dated facts in order and pages without gaps', () => {
    const cf = newTestCase();
    orderService.create(cf, { title: 'TRO', docket: 'd', court: 'c', order_type: 'ex_parte_tro', filed_at: '2023-12-05', granted_at: '2023-12-07' });
    orderService.create(cf, { title: 'Default judgment', docket: 'd', court: 'c', order_type: 'default_judgment', granted_at: '2024-08-29' });
    const site = addWebsite(cf, { input: 'hotmailbox.me', first_seen: '2023-01-15' });
    setWebsiteStatus(cf, site.id, 'transfer_confirmed', { at: '2023-12-13' });
    const all = timeline(cf).items;
    const dated = all.filter((e) => e.at < '2025');
    expect(dated.map((e) => `${e.at} ${e.what}`)).toEqual([
      '2023-01-15 First seen',
      '2023-12-05 Order filed',
      '2023-12-07 Order granted',
      '2023-12-13 Status: transfer confirmed',
      '2024-08-29 Order granted',
    ]);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = timeline(cf, { after, limit: 2 });
      seen.push(...page.items.map((e) => `${e.at} ${e.what} ${e.record_id}`));
      after = page.next;
    } while (after);
    expect(seen).toEqual(all.map((e) => `${e.at} ${e.what} ${e.record_id}`));
  });

  it('orders a time kept with its own offset by its instant, and bounds by day on its own clock', () => {
    const cf = newTestCase();
    // Granted 20:00 in New York on 7 Dec = 01:00 UTC on 8 Dec, after a status change at 23:00 UTC on 7 Dec.
    orderService.create(cf, { title: 'TRO', docket: 'd', court: 'c', order_type: 'ex_parte_tro', granted_at: '2023-12-07T20:00:00-05:00' });
    const site = addWebsite(cf, { input: 'hotmailbox.me' });
    setWebsiteStatus(cf, site.id, 'served', { at: '2023-12-07T23:00:00Z' });
    setWebsiteStatus(cf, site.id, 'transfer_confirmed', { at: '2023-12-08T00:30:00Z' });
    const line = (e: { at: string; what: string }) => `${e.at} ${e.what}`;
    expect(timeline(cf, { to: '2023-12-31' }).items.map(line)).toEqual([
      '2023-12-07T23:00:00Z Status: served',
      '2023-12-08T00:30:00Z Status: transfer confirmed',
      '2023-12-07T20:00:00-05:00 Order granted',
    ]);
    // A day bound reads each entry's day as printed: the grant is on 7 Dec where it was made.
    expect(timeline(cf, { to: '2023-12-07' }).items.map((e) => e.what)).toEqual(['Status: served', 'Order granted']);
    expect(timeline(cf, { from: '2023-12-08', to: '2023-12-31' }).items.map((e) => e.what)).toEqual(['Status: transfer confirmed']);
    // A time bound compares instants.
    expect(timeline(cf, { from: '2023-12-08T00:45:00Z', to: '2023-12-31' }).items.map((e) => e.what)).toEqual(['Order granted']);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = timeline(cf, { after, limit: 1, to: '2023-12-31' });
      seen.push(...page.items.map(line));
      after = page.next;
    } while (after);
    expect(seen).toEqual(timeline(cf, { to: '2023-12-31' }).items.map(line));
  });
});
