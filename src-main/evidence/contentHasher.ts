import { createHash } from 'node:crypto';
import { HASH_THREAD_MIN_BYTES, HashThread } from '../hashing/HashThread';
import { SharedCopyRing } from '../hashing/SharedCopyRing';

export interface ContentHashes {
  sha256: string;
  sha1: string;
  md5: string;
}

/**
 * SHA-256 (the content address) plus SHA-1 and MD5, which older forensic tools and some courts
 * still quote, computed in one pass over the same bytes.
 */
export interface ContentHasher {
  /**
   * Hashes `bytes`. The returned promise settles when `bytes` may be overwritten (the parallel
   * hasher reads them from other threads until then).
   */
  update(bytes: Uint8Array): Promise<void>;
  digest(): Promise<ContentHashes>;
  /** Releases worker threads; safe to call more than once, and after a failure. */
  close(): void;
}

/** Synchronous SHA-256 + SHA-1 + MD5 (small files, re-reading stored bytes). */
export interface InlineContentHasher {
  update(bytes: Uint8Array): void;
  digest(): ContentHashes;
}

export function createInlineContentHasher(): InlineContentHasher {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  const md5 = createHash('md5');
  return {
    update(bytes) {
      sha256.update(bytes);
      sha1.update(bytes);
      md5.update(bytes);
    },
    digest: () => ({ sha256: sha256.digest('hex'), sha1: sha1.digest('hex'), md5: md5.digest('hex') }),
  };
}

/** All three hashes on the calling thread. */
export function createContentHasher(): ContentHasher {
  const inline = createInlineContentHasher();
  return {
    update: (bytes) => {
      inline.update(bytes);
      return Promise.resolve();
    },
    digest: () => Promise.resolve(inline.digest()),
    close: () => undefined,
  };
}

/**
 * The three hashes on three worker threads reading the same shared memory (no copies), so the
 * thread that reads the file and writes the case file does neither hash: storing a 4 MiB chunk in
 * SQLite and hashing it overlap instead of taking turns (measured on 256 MiB here, the main
 * thread spent ~0.5 s in SHA-256 and ~1.1 s storing). MD5 alone runs at about a third of SHA-256's
 * speed on CPUs with SHA extensions, so on one thread it, not the disk, would set the import
 * speed of large files. `update` needs views of a SharedArrayBuffer.
 */
export function createParallelContentHasher(): ContentHasher {
  const threads = [new HashThread('sha256'), new HashThread('sha1'), new HashThread('md5')] as const;
  const close = (): void => {
    for (const thread of threads) thread.close();
  };
  return {
    async update(bytes) {
      await Promise.all(threads.map((thread) => thread.update(bytes)));
    },
    async digest() {
      try {
        const [sha256, sha1, md5] = await Promise.all(threads.map((thread) => thread.digest()));
        return { sha256: sha256!, sha1: sha1!, md5: md5! };
      } finally {
        close();
      }
    },
    close,
  };
}

/** Content at least this large is hashed on worker threads. */
export const PARALLEL_HASH_MIN_BYTES = HASH_THREAD_MIN_BYTES;

/**
 * Hashes a stream of chunks (stored evidence being verified). Large content goes through the
 * parallel hasher: each chunk is copied into one of three shared buffers (a memcpy, far cheaper
 * than MD5) so worker threads can read it while the next chunk is fetched.
 */
export async function hashChunks(
  chunks: AsyncIterable<Uint8Array>,
  expectedBytes: number,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<{ hashes: ContentHashes; bytes: number }> {
  const parallel = expectedBytes >= PARALLEL_HASH_MIN_BYTES;
  const hasher = parallel ? createParallelContentHasher() : createContentHasher();
  const ring = new SharedCopyRing(3, (shared) => hasher.update(shared));
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      if (parallel) await ring.put(chunk);
      else await hasher.update(chunk);
      bytes += chunk.length;
      onBytes(chunk.length);
    }
    await ring.settled();
    return { hashes: await hasher.digest(), bytes };
  } finally {
    hasher.close();
  }
}
