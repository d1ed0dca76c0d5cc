import { describe, expect, it } from 'vitest';
import { orderChronologyProblems } from '../../../src-main/orders/orderChronology';
import { orderService } from '../../../src-main/orders/orderService';
import { filingRuleProblems } from '../../../src-main/packet/checkFiling';
import { newTestCase } from '../../helpers/testCase';
import { packetInput } from '../packet/packetFixtures';

const base = { title: 'TRO', docket: '1:23-cv-10685', court: 'SDNY', order_type: 'ex_parte_tro' } as const;

describe("an order's dates follow one another: filed, granted, then served and expiring", () => {
  it('names each contradiction by calendar day; a same-day pair given with a zone is not one', () => {
    expect(orderChronologyProblems({ filed_at: '2023-12-08', granted_at: '2023-12-07', served_at: '2023-11-01', expires_at: '2023-10-01' })).toEqual([
      'granted 2023-12-07 is before filed 2023-12-08',
      'served 2023-11-01 is before granted 2023-12-07',
      'expires 2023-10-01 is before granted 2023-12-07',
    ]);
    expect(orderChronologyProblems({ granted_at: '2023-12-07', served_at: '2023-12-07T09:00:00Z', expires_at: null })).toEqual([]);
    expect(orderChronologyProblems({ served_at: '2023-11-01', expires_at: '2023-10-01' })).toEqual([]);
  });

  it('refuses a new order or an edit that makes them contradict, changing nothing', () => {
    const cf = newTestCase();
    expect(() => orderService.create(cf, { ...base, status: 'served', granted_at: '2023-12-07', served_at: '2023-12-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_REQUEST', message: expect.stringContaining('served 2023-12-01 is before granted 2023-12-07') }),
    );
    expect(orderService.list(cf).items).toHaveLength(0);
    const order = orderService.create(cf, { ...base, status: 'granted', granted_at: '2023-12-07' });
    expect(() => orderService.update(cf, order.id, { served_at: '2023-12-06' })).toThrow(/served 2023-12-06 is before granted 2023-12-07/);
    expect(orderService.get(cf, order.id).served_at).toBeNull();
    expect(orderService.update(cf, order.id, { served_at: '2023-12-08' }).served_at).toBe('2023-12-08');
  });

  it('lets an edit of other fields through on an order whose stored dates already contradict', () => {
    const cf = newTestCase();
    const order = orderService.create(cf, { ...base, status: 'granted', granted_at: '2023-12-07' });
    // As a merge of two copies' edits could leave it.
    cf.db.prepare('UPDATE court_order SET served_at = ? WHERE id = ?').run('2023-12-01', order.id);
    expect(orderService.update(cf, order.id, { title: 'TRO (amended caption)' }).title).toBe('TRO (amended caption)');
  });

  it('packet --check reports such an order as an error before it is printed as fact, only when the packet has the orders section', () => {
    const cf = newTestCase();
    const input = packetInput([]);
    input.orders[0] = { ...input.orders[0]!, grantedAt: '2025-03-12', servedAt: '2025-03-02' };
    const problems = filingRuleProblems(cf, input).filter((p) => p.code === 'ORDER_DATES_CONTRADICT');
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('served 2025-03-02 is before granted 2025-03-12') }),
    ]);
    const withoutOrders = packetInput([], { sections: ['cover', 'index', 'exhibits'] });
    withoutOrders.orders[0] = input.orders[0]!;
    expect(filingRuleProblems(cf, withoutOrders).some((p) => p.code === 'ORDER_DATES_CONTRADICT')).toBe(false);
  });
});
