import { describe, expect, it } from 'vitest';
import { calendarDate, parseCalendarDate, pastDate } from '../../../src-main/contract/calendarDate';
import { orderCreateSchema, websiteCreateSchema } from '../../../src-main/contract/schemas';
import { requestSchemas } from '../../../src-main/contract/requestSchemas';

const NOW = new Date('2026-12-07T05:00:00Z');

describe('the one date parser', () => {
  it('keeps a calendar date as typed and stores a time with its zone as UTC', () => {
    expect(parseCalendarDate('2023-12-07')).toEqual({ value: '2023-12-07' });
    expect(parseCalendarDate(' 2024-02-29 ')).toEqual({ value: '2024-02-29' });
    expect(parseCalendarDate('2023-12-04T15:21:00Z')).toEqual({ value: '2023-12-04T15:21:00.000Z' });
    expect(parseCalendarDate('2023-12-04T16:21+01:00')).toEqual({ value: '2023-12-04T15:21:00.000Z' });
    expect(parseCalendarDate('2023-12-04 10:21:15,5-0500')).toEqual({ value: '2023-12-04T15:21:15.500Z' }); // as spreadsheets write it
  });

  it.each([
    ['13/12/2023', 'is not a date'],
    ['12/07/2023', 'is not a date'],
    ['yesterday', 'is not a date'],
    ['2023-12-7', 'is not a date'],
    ['20231207', 'is not a date'],
    ['2023-12-04T15:21:00', 'has a time but no time zone'], // ambiguous: guessing the zone would shift evidence times
    ['2023-12-04T25:00Z', 'has an impossible time of day'],
    ['2023-12-04T10:00+25:00', 'has an impossible time-zone offset'],
    ['1969-12-31', 'is before 1970'],
    ['2024-02-30', 'is not a real calendar date'],
    ['2023-02-29', 'is not a real calendar date'],
    ['2023-13-01', 'is not a real calendar date'],
    ['2023-04-31T10:00:00Z', 'is not a real calendar date'],
  ])('refuses %s', (input, reason) => {
    const result = parseCalendarDate(input);
    expect('error' in result && result.error).toContain(reason);
    expect('error' in result && result.error).toContain(JSON.stringify(input.trim()));
  });

  it('names the expected form in the refusal', () => {
    expect(parseCalendarDate('13/12/2023')).toEqual({ error: 'is not a date: "13/12/2023" (use YYYY-MM-DD, or an ISO-8601 time with its zone like 2023-12-07T14:30:00Z)' });
  });

  it('refuses the future for past events only, with a day of slack for time zones', () => {
    // At 05:00 UTC it is 19:00 on the 7th at UTC+14, so the 8th is ahead everywhere; at 12:00 UTC
    // it is already the 8th there, and someone's "today" is accepted.
    expect('error' in parseCalendarDate('2026-12-08', { past: true, now: NOW })).toBe(true);
    expect(parseCalendarDate('2026-12-08', { past: true, now: new Date('2026-12-07T12:00:00Z') })).toEqual({ value: '2026-12-08' });
    expect(parseCalendarDate('2026-12-07', { past: true, now: NOW })).toEqual({ value: '2026-12-07' });
    expect('error' in parseCalendarDate('2026-12-09', { past: true, now: new Date('2026-12-07T23:59:00Z') })).toBe(true);
    expect(parseCalendarDate('2026-12-09', { now: NOW })).toEqual({ value: '2026-12-09' });
    expect(parseCalendarDate('2026-12-07T05:04:00Z', { past: true, now: NOW })).toEqual({ value: '2026-12-07T05:04:00.000Z' });
    const ahead = parseCalendarDate('2026-12-07T06:00:00Z', { past: true, now: NOW });
    expect('error' in ahead && ahead.error).toMatch(/is in the future \("2026-12-07T06:00:00Z"\); it records something that already happened/);
  });

  it('is what every date field of the request schemas uses: past events refuse the future, expiry does not', () => {
    expect(pastDate.safeParse('2999-01-01').success).toBe(false);
    expect(calendarDate.safeParse('2999-01-01').success).toBe(true);
    const order = { title: 'T', docket: 'D', court: 'C', order_type: 'tro' };
    for (const field of ['filed_at', 'granted_at', 'served_at']) {
      expect(orderCreateSchema.safeParse({ ...order, [field]: '2999-01-01' }).success, field).toBe(false);
      expect(orderCreateSchema.safeParse({ ...order, [field]: '12/07/2023' }).success, field).toBe(false);
    }
    expect(orderCreateSchema.parse({ ...order, expires_at: '2999-01-01' }).expires_at).toBe('2999-01-01');
    for (const field of ['first_seen', 'last_seen']) expect(websiteCreateSchema.safeParse({ input: 'a.com', [field]: '2999-01-01' }).success, field).toBe(false);
    expect(websiteCreateSchema.safeParse({ input: 'a.com', expires_at: '2999-01-01' }).success).toBe(true);
    const id = '01900000-0000-7000-8000-000000000000';
    expect(requestSchemas['websites.setStatus'].safeParse({ id, status: 'served', at: '13/12/2023' }).success).toBe(false);
    expect(requestSchemas['websites.setStatus'].safeParse({ id, status: 'served', at: '2999-01-01' }).success).toBe(false);
    expect(requestSchemas['evidence.import'].safeParse({ paths: ['/a'], acquired_at: '2999-01-01' }).success).toBe(false);
    expect(requestSchemas['evidence.addCustody'].safeParse({ evidence_id: id, action: 'transferred', at: '2999-01-01' }).success).toBe(false);
    expect(requestSchemas['evidence.update'].safeParse({ id, patch: { acquired_at: '2024-02-30' } }).success).toBe(false);
  });
});

describe("a court order's dates are days, a time read on its own clock", () => {
  const base = { title: 'TRO', docket: '1:23-cv-10685', court: 'SDNY', order_type: 'ex_parte_tro' } as const;
  const dayOf = (raw: string) => {
    const parsed = parseCalendarDate(raw, { keepOffset: true });
    return 'value' in parsed ? parsed.value.slice(0, 10) : parsed.error;
  };
  it('keeps the day the time names where it was written, not the UTC day', () => {
    expect(dayOf('2023-12-07T19:30:00-05:00')).toBe('2023-12-07');
    expect(dayOf('2023-12-08T01:30:00+09:00')).toBe('2023-12-08');
    expect(dayOf('2023-12-07T23:59:00Z')).toBe('2023-12-07');
    expect(parseCalendarDate('2023-12-07T19:30:00', { keepOffset: true })).toHaveProperty('error');
    // The time keeps its offset (the same instant), so two dates can still be put in order.
    const parsed = orderCreateSchema.parse({ ...base, granted_at: '2023-12-07T19:30:00-05:00', served_at: '2023-12-08', expires_at: '2099-01-01T08:00:00+14:00' });
    expect([parsed.granted_at, parsed.served_at, parsed.expires_at]).toEqual(['2023-12-07T19:30:00.000-05:00', '2023-12-08', '2099-01-01T08:00:00.000+14:00']);
  });
});
