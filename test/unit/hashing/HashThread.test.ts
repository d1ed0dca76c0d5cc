import { createHash, randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInlineContentHasher, createParallelContentHasher } from '../../../src-main/evidence/contentHasher';
import { HashThread } from '../../../src-main/hashing/HashThread';

/** Random content cut into blocks of uneven sizes, filled into a small ring of shared buffers. */
function blocks(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => randomFillSync(new Uint8Array(1000 + i * 7919)));
}

describe('HashThread', () => {
  it('hashes what is in a reused shared buffer at each update, in order', async () => {
    const parts = blocks(12);
    const expected = createHash('sha256');
    for (const part of parts) expected.update(part);
    // Two shared buffers, each refilled once its previous update settled: each is sent to the
    // thread once and named by id afterwards, so a refill must still be hashed as it is now.
    const ring = [new Uint8Array(new SharedArrayBuffer(200_000)), new Uint8Array(new SharedArrayBuffer(200_000))];
    const busy: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
    const thread = new HashThread('sha256');
    for (const [i, part] of parts.entries()) {
      const slot = i % 2;
      await busy[slot];
      ring[slot]!.set(part);
      busy[slot] = thread.update(ring[slot]!.subarray(0, part.length));
    }
    await Promise.all(busy);
    expect(await thread.digest()).toBe(expected.digest('hex'));
  });

  it('refuses bytes that are not shared memory (the thread could not read them)', () => {
    const thread = new HashThread('md5');
    try {
      expect(() => thread.update(new Uint8Array(8))).toThrow(/SharedArrayBuffer/);
    } finally {
      thread.close();
    }
  });

  it('the three evidence hashes on threads equal the three computed inline', async () => {
    const parts = blocks(9);
    const inline = createInlineContentHasher();
    const parallel = createParallelContentHasher();
    for (const part of parts) {
      inline.update(part);
      const shared = new Uint8Array(new SharedArrayBuffer(part.length));
      shared.set(part);
      await parallel.update(shared);
    }
    expect(await parallel.digest()).toEqual(inline.digest());
  });
});
