import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WrittenLayout } from '../../../src-main/outputs/WrittenLayout';

const PART = WrittenLayout.PART_BYTES;

/** Feeds `bytes` to a comparer in pieces of `piece` bytes and returns what it found. */
function compare(layout: WrittenLayout, bytes: Uint8Array, piece: number) {
  const comparer = layout.comparer();
  for (let at = 0; at < bytes.length; at += piece) comparer.update(bytes.subarray(at, at + piece));
  return comparer.finish();
}

describe('WrittenLayout: what was handed to the disk, compared with what reads back', () => {
  const data = randomBytes(2 * PART + 12_345);

  function laidOut(): WrittenLayout {
    const layout = new WrittenLayout();
    // Written in odd pieces; read back below in other odd pieces: parts do not follow either.
    for (let at = 0; at < data.length; at += 333_333) layout.append(data.subarray(at, at + 333_333));
    return layout;
  }

  it('the same bytes in any chunking match', () => {
    for (const piece of [1 << 20, 4096, 777_777, data.length]) expect(compare(laidOut(), data, piece)).toBeNull();
    expect(laidOut().bytes).toBe(data.length);
  });

  it('one changed byte names its 1 MiB part; a short or long file names the size', () => {
    for (const at of [0, PART - 1, PART, 2 * PART + 12_344]) {
      const changed = Buffer.from(data);
      changed[at] = changed[at]! ^ 1;
      const part = Math.floor(at / PART);
      expect(compare(laidOut(), changed, 65_536)).toEqual({ from: part * PART, to: Math.min((part + 1) * PART, data.length) - 1 });
    }
    expect(compare(laidOut(), data.subarray(0, data.length - 1), 65_536)).toEqual({ from: 2 * PART, to: data.length - 1 });
    expect(compare(laidOut(), Buffer.concat([data, Buffer.from([0])]), 65_536)).toEqual({ from: data.length, to: data.length });
  });

  it('a reserved part is compared with what filled it, not with the zeros written first', () => {
    const layout = new WrittenLayout();
    layout.append(data.subarray(0, 100));
    const reserved = layout.reserve(5000);
    const empty = layout.reserve(0);
    layout.append(data.subarray(100));
    expect(() => layout.assertFilled()).toThrow(/never filled/);
    const late = randomBytes(5000);
    layout.fill(reserved, late);
    layout.fill(empty, new Uint8Array(0));
    layout.assertFilled();
    expect(() => layout.fill(reserved, late)).toThrow(/filled already/);
    const final = Buffer.concat([data.subarray(0, 100), late, data.subarray(100)]);
    expect(compare(layout, final, 4096)).toBeNull();
    const zeros = Buffer.concat([data.subarray(0, 100), Buffer.alloc(5000), data.subarray(100)]);
    expect(compare(layout, zeros, 4096)).toEqual({ from: 100, to: 5099 });
  });
});
