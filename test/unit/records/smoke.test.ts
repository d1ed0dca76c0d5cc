import { describe, expect, it } from 'vitest';
import { orderService } from '../../../src-main/orders/orderService';
import { addWebsite, listWebsites } from '../../../src-main/websites/websiteService';
import { searchCase } from '../../../src-main/search/searchCase';
import { linkRecords, linkedItems } from '../../../src-main/links/linkService';
import { timeline } from '../../../src-main/timeline/timeline';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { newTestCase } from '../../helpers/testCase';

describe('smoke', () => {
  it('adds, links, searches', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'https://Hotmailbox.me/shop', role: 'marketplace' });
    const order = orderService.create(cf, { title: 'TRO', docket: '1:23-cv-10685', court: 'SDNY', order_type: 'ex_parte_tro', granted_at: '2023-12-07' });
    linkRecords(cf, { from_id: order.id, to_id: site.id, relation: 'covers' });
    expect(linkedItems(cf, site.id)[0]?.id).toBe(order.id);
    expect(searchCase(cf, 'hotmailbox').map((h) => h.id)).toContain(site.id);
    expect(searchCase(cf, 'mailbo').map((h) => h.id)).toContain(site.id);
    expect(listWebsites(cf, { orderId: order.id }).items).toHaveLength(1);
    expect(timeline(cf).items.length).toBeGreaterThan(1);
    expect(verifyAudit(cf.db).ok).toBe(true);
  });
});
