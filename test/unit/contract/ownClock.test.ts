import { describe, expect, it } from 'vitest';
import { onOwnClock } from '../../../src-main/contract/ownClock';

describe('a stored time read on its own clock', () => {
  it('gives the day, time and zone as written, and the instant', () => {
    expect(onOwnClock('2023-12-07T19:30:00.000-05:00')).toEqual({ day: '2023-12-07', time: '19:30', zone: 'UTC-05:00', instant: Date.UTC(2023, 11, 8, 0, 30) });
    expect(onOwnClock('2023-12-08T01:00:00.000+14:00')).toEqual({ day: '2023-12-08', time: '01:00', zone: 'UTC+14:00', instant: Date.UTC(2023, 11, 7, 11, 0) });
    expect(onOwnClock('2023-12-08T00:30:00.000Z')?.zone).toBe('UTC');
  });

  it('is null for a bare day or a time without a zone', () => {
    expect(onOwnClock('2023-12-07')).toBeNull();
    expect(onOwnClock('2023-12-07T19:30:00.000')).toBeNull();
  });
});
