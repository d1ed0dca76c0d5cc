import { describe, expect, it } from 'vitest';
import { countOption } from '../../../src-main/cli/countOption';

describe('countOption', () => {
  it('takes digits from 1 to the maximum', () => {
    expect(countOption('1', '--limit', 1000)).toBe(1);
    expect(countOption('1000', '--limit', 1000)).toBe(1000);
    expect(countOption('007', '--limit', 1000)).toBe(7);
  });

  it('refuses, naming the flag and the range, anything else (never a default, never clamped)', () => {
    for (const bad of ['abc', '', ' ', '0', '-5', '2.5', '1e3', '0x10', '+3', ' 5', '1001', '99999999999999999999']) {
      expect(() => countOption(bad, '--limit', 1000), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'INVALID_REQUEST', message: '--limit must be a whole number from 1 to 1000.' }),
      );
    }
  });
});
