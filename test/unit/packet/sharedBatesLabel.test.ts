import { describe, expect, it } from 'vitest';
import { sharedBatesLabel } from '../../../src-main/packet/sharedBatesLabel';

describe('sharedBatesLabel: the labels two Bates runs both print', () => {
  it('finds labels printed alike under different prefixes and paddings, case aside', () => {
    expect(sharedBatesLabel({ prefix: 'STORM-0', padding: 5, first: 1, last: 40 }, { prefix: 'STORM-', padding: 6, first: 9, last: 20 })).toBe('STORM-000009');
    expect(sharedBatesLabel({ prefix: 'storm-', padding: 6, first: 15, last: 40 }, { prefix: 'STORM-0', padding: 5, first: 1, last: 20 })).toBe('storm-000015');
  });

  it('finds none where the printed labels differ though the numbers meet', () => {
    // STORM-00001 (padding 5) is not STORM-000001 (padding 6).
    expect(sharedBatesLabel({ prefix: 'STORM-', padding: 5, first: 1, last: 40 }, { prefix: 'STORM-', padding: 6, first: 1, last: 40 })).toBeNull();
    // STORM-0 + 5 digits reaches STORM-0100000 only past the padding, where no leading zero is printed.
    expect(sharedBatesLabel({ prefix: 'STORM-0', padding: 5, first: 1, last: 99999 }, { prefix: 'STORM-', padding: 6, first: 100000, last: 100010 })).toBeNull();
    expect(sharedBatesLabel({ prefix: 'MSFT-', padding: 6, first: 1, last: 9 }, { prefix: 'STORM-', padding: 6, first: 1, last: 9 })).toBeNull();
  });

  it('reads numbers wider than the padding as printed in full', () => {
    // "A-1" + padding 2: 100 prints A-1100; prefix "A-" padding 3 prints 1100 as A-1100 too.
    expect(sharedBatesLabel({ prefix: 'A-1', padding: 2, first: 99, last: 101 }, { prefix: 'A-', padding: 3, first: 1100, last: 1100 })).toBe('A-1100');
  });
});
