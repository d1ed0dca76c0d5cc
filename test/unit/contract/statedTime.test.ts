import { afterEach, describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../../src-main/contract/calendarDate';
import { localCalendarDay, readIsoTime, readMailDate, storedFileTime } from '../../../src-main/contract/statedTime';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('the one rule for times without a zone', () => {
  it('keeps a time without a zone as written, whatever the zone of the computer reading it', () => {
    for (const tz of ['UTC', 'America/St_Johns', 'Asia/Kathmandu']) {
      process.env.TZ = tz;
      expect(storedFileTime('2024-03-01T12:00:00')).toBe('2024-03-01T12:00:00.000');
      expect(storedFileTime('Fri, 1 Mar 2024 12:00:00')).toBe('2024-03-01T12:00:00.000');
      expect(storedFileTime('2024-03-01T12:00:00+01:00')).toBe('2024-03-01T11:00:00.000Z');
    }
  });

  it('reads RFC 5322 dates with offsets and the zone names the RFC defines, and nothing it cannot read', () => {
    expect(readMailDate('Fri, 01 Mar 2024 12:00:00 +0700 (ICT)')).toEqual({ instant: '2024-03-01T05:00:00.000Z' });
    expect(readMailDate('1 Mar 24 12:00 PST')).toEqual({ instant: '2024-03-01T20:00:00.000Z' });
    expect(readMailDate('Fri, 01 Mar 2024 12:00:00 CET')).toBeNull();
    expect(readMailDate('next Friday')).toBeNull();
  });

  it('never rolls an impossible day or offset over into another date', () => {
    expect(readMailDate('Sat, 31 Feb 2024 10:00:00 +0000')).toEqual({ unreal: true });
    expect(readMailDate('Fri, 01 Mar 2024 12:00:00 +2359')).toEqual({ unreal: true });
    expect(readIsoTime('2024-02-30T10:00:00Z')).toBeNull();
    expect(storedFileTime('2024-03-01T12:00:00+15:00')).toBeNull();
  });

  it('refuses typed offsets beyond ±14:00 and keeps a given offset when asked', () => {
    expect(parseCalendarDate('2026-12-09T00:00:00+23:59')).toHaveProperty('error');
    expect(parseCalendarDate('2024-03-01T12:00:00+14:00')).toEqual({ value: '2024-02-29T22:00:00.000Z' });
    expect(parseCalendarDate('2024-03-01T12:00:00-12:00')).toEqual({ value: '2024-03-02T00:00:00.000Z' });
    expect(parseCalendarDate('2026-12-07T17:30:00-08:00', { keepOffset: true })).toEqual({ value: '2026-12-07T17:30:00.000-08:00' });
  });

  it('gives the calendar day of this computer for an instant, and a day or zone-less time its own day', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(localCalendarDay('2026-12-08T01:30:00.000Z')).toBe('2026-12-07');
    expect(localCalendarDay('2026-12-08')).toBe('2026-12-08');
    expect(localCalendarDay('2026-12-08T01:30:00.000')).toBe('2026-12-08');
  });
});
