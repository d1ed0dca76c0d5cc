import { describe, expect, it } from 'vitest';
import { orderService } from '../../../src-main/orders/orderService';
import { caseOverview } from '../../../src-main/overview/caseOverview';
import { addWebsite, listWebsites, setWebsiteStatus } from '../../../src-main/websites/websiteService';
import { deleteItem } from '../../../src-main/items/itemOperations';
import { newTestCase } from '../../helpers/testCase';
import { writeTransaction } from '../../../src-main/casefile/writeTransaction';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('case overview figures', () => {
  it('counts every site expiring soon by the list rule, past the first page the window used to read', () => {
    const cf = newTestCase();
    // 250 confirmed sites expiring in 5 days: more than the 200 latest rows the window once filtered.
    writeTransaction(cf, () => {
      for (let i = 0; i < 250; i++) {
        const site = addWebsite(cf, { input: `soon${i}.example.com`, expires_at: inDays(5) });
        setWebsiteStatus(cf, site.id, 'transfer_confirmed');
      }
    });
    // Expiring but not confirmed: not "expiring soon" by the server's rule.
    addWebsite(cf, { input: 'unconfirmed.example.com', expires_at: inDays(3) });
    const later = addWebsite(cf, { input: 'later.example.com', expires_at: inDays(90) });
    setWebsiteStatus(cf, later.id, 'hold_confirmed');
    const overview = caseOverview(cf);
    expect(overview.expiringTotal).toBe(250);
    expect(overview.expiring).toHaveLength(8);
    expect(overview.expiring.every((e) => e.kind === 'website' && e.title.startsWith('soon'))).toBe(true);
    // The same rule as `dossier site list --expiring-within 30`.
    let listed = 0;
    let after: string | null = null;
    do {
      const page = listWebsites(cf, { lifecycle: 'expiring_soon', limit: 1000, after });
      listed += page.items.length;
      after = page.next;
    } while (after);
    expect(listed).toBe(overview.expiringTotal);
    expect(caseOverview(cf, { withinDays: 120 }).expiringTotal).toBe(251);
  });

  it('lists orders in force that expire soon, soonest first, and orders awaiting service', () => {
    const cf = newTestCase();
    const base = { docket: 'd', court: 'SDNY', order_type: 'ex_parte_tro' } as const;
    const soon = orderService.create(cf, { ...base, title: 'TRO soon', status: 'granted', expires_at: inDays(2) });
    orderService.create(cf, { ...base, title: 'TRO draft', status: 'draft', expires_at: inDays(1) });
    orderService.create(cf, { ...base, title: 'TRO served later', status: 'served', expires_at: inDays(200) });
    const site = addWebsite(cf, { input: 'a.example.com', expires_at: inDays(10) });
    setWebsiteStatus(cf, site.id, 'transfer_confirmed');
    const overview = caseOverview(cf);
    expect(overview.expiring.map((e) => [e.kind, e.title])).toEqual([
      ['order', 'TRO soon'],
      ['website', 'a.example.com'],
    ]);
    expect(overview.awaitingService.map((o) => o.title).sort()).toEqual(['TRO draft', 'TRO soon']);
    expect(overview.awaitingServiceTotal).toBe(2);
    deleteItem(cf, soon.id);
    const after = caseOverview(cf);
    expect(after.expiringTotal).toBe(1);
    expect(after.awaitingServiceTotal).toBe(1);
  });

  it('does not list an order with a recorded service date as awaiting service, whatever its status', () => {
    const cf = newTestCase();
    const base = { docket: 'd', court: 'SDNY', order_type: 'ex_parte_tro' } as const;
    // `order add --granted D --served D2` records served_at and leaves the status "granted".
    orderService.create(cf, { ...base, title: 'TRO granted and served', status: 'granted', granted_at: '2023-12-07', served_at: '2023-12-08' });
    orderService.create(cf, { ...base, title: 'TRO granted only', status: 'granted', granted_at: '2023-12-07' });
    const overview = caseOverview(cf);
    expect(overview.awaitingService.map((o) => o.title)).toEqual(['TRO granted only']);
    expect(overview.awaitingServiceTotal).toBe(1);
  });
});
