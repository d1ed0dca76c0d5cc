import { describe, expect, it } from 'vitest';
import { linkRecords } from '../../../src-main/links/linkService';
import { orderService } from '../../../src-main/orders/orderService';
import { appendixOutline, iterateAppendix } from '../../../src-main/websites/appendix';
import { addWebsite, listWebsites, setWebsiteStatus } from '../../../src-main/websites/websiteService';
import { newTestCase } from '../../helpers/testCase';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('domain lifecycle queries', () => {
  it('answers "named but not confirmed" and "confirmed, expiring in 30 days"', () => {
    const cf = newTestCase();
    const named = addWebsite(cf, { input: 'named.example.com' });
    const served = addWebsite(cf, { input: 'served.example.com' });
    const soon = addWebsite(cf, { input: 'soon.example.com', expires_at: inDays(10) });
    const later = addWebsite(cf, { input: 'later.example.com', expires_at: inDays(90) });
    addWebsite(cf, { input: 'untouched.example.com' });
    setWebsiteStatus(cf, named.id, 'named_in_order');
    setWebsiteStatus(cf, served.id, 'served');
    setWebsiteStatus(cf, soon.id, 'transfer_confirmed');
    setWebsiteStatus(cf, later.id, 'hold_confirmed');
    const hosts = (view: Parameters<typeof listWebsites>[1]) => listWebsites(cf, view).items.map((w) => w.host_ascii);
    expect(hosts({ lifecycle: 'awaiting_confirmation' })).toEqual(['named.example.com', 'served.example.com']);
    expect(hosts({ lifecycle: 'expiring_soon' })).toEqual(['soon.example.com']);
    expect(hosts({ lifecycle: 'expiring_soon', withinDays: 120 })).toEqual(['later.example.com', 'soon.example.com']);
  });
});

describe('order appendix', () => {
  it('groups covered domains by registry, then registrar, case-insensitively, skipping deleted links', () => {
    const cf = newTestCase();
    const order = orderService.create(cf, { title: 'TRO', docket: 'd', court: 'c', order_type: 'ex_parte_tro' });
    const sites = [
      { input: 'b.com', registry: 'VeriSign', registrar: 'Zeta Registrar', registrar_iana_id: '9' },
      { input: 'a.com', registry: 'VeriSign', registrar: 'Alpha Registrar', registrar_iana_id: '1' },
      { input: 'x.me', registry: 'doMEn' },
      { input: 'notcovered.com', registry: 'VeriSign' },
    ].map((s) => addWebsite(cf, s));
    for (const site of sites.slice(0, 3)) linkRecords(cf, { from_id: order.id, to_id: site.id, relation: 'covers' });
    const rows = [...iterateAppendix(cf, order.id)].map((r) => [r.registry, r.registrar, r.host_ascii]);
    expect(rows).toEqual([
      ['doMEn', '(not recorded)', 'x.me'],
      ['VeriSign', 'Alpha Registrar', 'a.com'],
      ['VeriSign', 'Zeta Registrar', 'b.com'],
    ]);
    expect(appendixOutline(cf, order.id)).toEqual([
      { registry: 'doMEn', count: 1, registrars: [{ registrar: '(not recorded)', registrar_iana_id: null, count: 1 }] },
      {
        registry: 'VeriSign',
        count: 2,
        registrars: [
          { registrar: 'Alpha Registrar', registrar_iana_id: '1', count: 1 },
          { registrar: 'Zeta Registrar', registrar_iana_id: '9', count: 1 },
        ],
      },
    ]);
    expect(() => [...iterateAppendix(cf, '01900000-0000-7000-8000-000000000000')]).toThrow(/No court order/);
  });
});
