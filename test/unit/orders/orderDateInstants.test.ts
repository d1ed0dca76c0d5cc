import { describe, expect, it } from 'vitest';
import { orderCreateSchema, orderUpdateSchema } from '../../../src-main/contract/schemas';
import { orderChronologyProblems } from '../../../src-main/orders/orderChronology';
import { orderService } from '../../../src-main/orders/orderService';
import { filingRuleProblems } from '../../../src-main/packet/checkFiling';
import { newTestCase } from '../../helpers/testCase';
import { packetInput } from '../packet/packetFixtures';

const base = { title: 'TRO', docket: '1:23-cv-10685', court: 'SDNY', order_type: 'ex_parte_tro', status: 'granted' } as const;

/*
 * Filed at 01:00 on 8 December in Kiribati (UTC+14, 2023-12-07T11:00Z), granted at 20:00 on
 * 7 December in New York (2023-12-08T01:00Z): the filing came first, though each date's own day
 * says the grant is the earlier. Where both dates carry a time and its zone, the instants decide;
 * where either is a bare day, the days do (and a same-day pair never contradicts).
 */
describe("an order's dates given with different offsets are ordered by the instant", () => {
  it('compares instants when both have a time, days when either is a bare day', () => {
    expect(orderChronologyProblems({ filed_at: '2023-12-08T01:00:00.000+14:00', granted_at: '2023-12-07T20:00:00.000-05:00' })).toEqual([]);
    expect(orderChronologyProblems({ filed_at: '2023-12-07T21:00:00.000-05:00', granted_at: '2023-12-07T20:00:00.000-05:00' })).toEqual([
      'granted 2023-12-07 20:00 (UTC-05:00) is before filed 2023-12-07 21:00 (UTC-05:00)',
    ]);
    // A bare day: the day on each date's own clock decides, and the same day never contradicts.
    expect(orderChronologyProblems({ filed_at: '2023-12-08T01:00:00.000+14:00', granted_at: '2023-12-07' })).toEqual(['granted 2023-12-07 is before filed 2023-12-08']);
    expect(orderChronologyProblems({ filed_at: '2023-12-08T01:00:00.000+14:00', granted_at: '2023-12-08' })).toEqual([]);
    expect(orderChronologyProblems({ granted_at: '2023-12-07T20:00:00.000-05:00', served_at: '2023-12-07' })).toEqual([]);
    // Times stored in UTC by earlier versions are instants too.
    expect(orderChronologyProblems({ granted_at: '2023-12-08T01:00:00.000Z', served_at: '2023-12-07T21:00:00.000-05:00' })).toEqual([]);
  });

  it('keeps each time with its own offset, so its day stays the day on its own clock', () => {
    const parsed = orderCreateSchema.parse({ ...base, filed_at: '2023-12-08T01:00+14:00', granted_at: '2023-12-07T20:00-05:00' });
    expect([parsed.filed_at, parsed.granted_at]).toEqual(['2023-12-08T01:00:00.000+14:00', '2023-12-07T20:00:00.000-05:00']);
    expect([parsed.filed_at?.slice(0, 10), parsed.granted_at?.slice(0, 10)]).toEqual(['2023-12-08', '2023-12-07']);
  });

  it('accepts such an order and its later edits; refuses an edit that puts the grant before the filing', () => {
    const cf = newTestCase();
    const order = orderService.create(cf, orderCreateSchema.parse({ ...base, filed_at: '2023-12-08T01:00+14:00', granted_at: '2023-12-07T20:00-05:00' }));
    // An edit of another date re-checks the stored pair: it must still hold.
    expect(orderService.update(cf, order.id, orderUpdateSchema.parse({ served_at: '2023-12-08' })).served_at).toBe('2023-12-08');
    // 05:00 in New York is 10:00Z, an hour before the filing.
    expect(() => orderService.update(cf, order.id, orderUpdateSchema.parse({ granted_at: '2023-12-07T05:00-05:00' }))).toThrow(
      /granted 2023-12-07 05:00 \(UTC-05:00\) is before filed 2023-12-08 01:00 \(UTC\+14:00\)/,
    );
    // A bare day on the filing's own day is no contradiction; the day before is.
    expect(orderService.update(cf, order.id, orderUpdateSchema.parse({ granted_at: '2023-12-08' })).granted_at).toBe('2023-12-08');
    expect(() => orderService.update(cf, order.id, orderUpdateSchema.parse({ granted_at: '2023-12-07' }))).toThrow(/granted 2023-12-07 is before filed 2023-12-08/);
    expect(orderService.get(cf, order.id).granted_at).toBe('2023-12-08');
  });

  it('packet --check does not call such an order contradictory', () => {
    const cf = newTestCase();
    const input = packetInput([]);
    input.orders[0] = { ...input.orders[0]!, filedAt: '2023-12-08T01:00:00.000+14:00', grantedAt: '2023-12-07T20:00:00.000-05:00', servedAt: null, expiresAt: null };
    expect(filingRuleProblems(cf, input).filter((p) => p.code === 'ORDER_DATES_CONTRADICT')).toEqual([]);
  });
});
