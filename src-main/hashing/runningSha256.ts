import { createHash } from 'node:crypto';
import { HASH_THREAD_MIN_BYTES, HashThread } from './HashThread';
import { SharedCopyRing } from './SharedCopyRing';

/** A SHA-256 fed chunk by chunk while the caller goes on with the same bytes. */
export interface RunningSha256 {
  /** true when the hashing runs on its own worker thread */
  readonly onThread: boolean;
  /** Hashes `chunk` after everything before it. When it settles, the caller may reuse `chunk`. */
  update(chunk: Uint8Array): Promise<void>;
  /** The digest (lowercase hex) of everything given; then the thread, if any, is stopped. */
  digest(): Promise<string>;
  /** Stops the thread, if any; safe after digest and after a failure. */
  close(): void;
}

/** Shared buffers the thread reads from: one being filled while the others are hashed. */
const RING = 4;

/**
 * A SHA-256 computed beside the caller's own work. For `expectedBytes` of at least
 * HASH_THREAD_MIN_BYTES the hashing runs on a worker thread: each chunk is copied into one of a
 * few shared buffers (SharedCopyRing: a memcpy, ~30 times cheaper than SHA-256 here) and hashed there while the
 * caller encrypts it. On a 1 GiB share that takes ~0.4 s of SHA-256 off the thread that encrypts
 * and writes (docs/performance.md). Smaller content is hashed inline: a thread costs tens of ms.
 */
export function runningSha256(expectedBytes: number): RunningSha256 {
  if (expectedBytes < HASH_THREAD_MIN_BYTES) {
    const hash = createHash('sha256');
    return {
      onThread: false,
      update: (chunk) => {
        hash.update(chunk);
        return Promise.resolve();
      },
      digest: () => Promise.resolve(hash.digest('hex')),
      close: () => undefined,
    };
  }
  const thread = new HashThread('sha256');
  const ring = new SharedCopyRing(RING, (shared) => thread.update(shared));
  return {
    onThread: true,
    update: (chunk) => ring.put(chunk),
    async digest() {
      await ring.settled();
      return thread.digest();
    },
    close: () => thread.close(),
  };
}
