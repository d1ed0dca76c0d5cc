import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASH_THREAD_MIN_BYTES } from '../../../src-main/hashing/HashThread';
import { runningSha256 } from '../../../src-main/hashing/runningSha256';

const MiB = 1024 * 1024;

/** Feeds `content` in chunks of the given sizes through ONE reused buffer, as a file reader does. */
async function hashThroughReusedBuffer(content: Buffer, sizes: number[]): Promise<{ hex: string; onThread: boolean }> {
  const hash = runningSha256(content.length);
  const reused = Buffer.alloc(Math.max(...sizes));
  try {
    for (let at = 0, i = 0; at < content.length; i += 1) {
      const size = Math.min(sizes[i % sizes.length]!, content.length - at);
      content.copy(reused, 0, at, at + size);
      await hash.update(reused.subarray(0, size));
      // Overwritten at once: a hash that still read the caller's buffer would come out wrong.
      reused.fill(0xa5);
      at += size;
    }
    return { hex: await hash.digest(), onThread: hash.onThread };
  } finally {
    hash.close();
  }
}

describe('runningSha256', () => {
  it('hashes large content on a thread, equal to SHA-256 of the bytes, whatever the chunk sizes (larger than its buffers too)', async () => {
    const content = randomBytes(HASH_THREAD_MIN_BYTES + 3 * MiB + 17);
    const expected = createHash('sha256').update(content).digest('hex');
    const result = await hashThroughReusedBuffer(content, [MiB, 3 * MiB + 5, 1, 65_536, 2 * MiB]);
    expect(result).toEqual({ hex: expected, onThread: true });
  });

  it('hashes small content inline, equal to SHA-256 of the bytes', async () => {
    const content = randomBytes(3 * MiB + 1);
    const result = await hashThroughReusedBuffer(content, [MiB - 1, 7]);
    expect(result).toEqual({ hex: createHash('sha256').update(content).digest('hex'), onThread: false });
  });

  it('hashes empty content', async () => {
    const hash = runningSha256(0);
    expect(await hash.digest()).toBe(createHash('sha256').digest('hex'));
  });
});
