import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

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
 * Worker source (CommonJS, evaluated): hashes views of shared memory it is sent, acknowledges
 * each so the sender can reuse the buffer. Kept as a string so it works unbundled (tests, CLI)
 * and bundled (Electron main) without a separate file to locate.
 */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hash = createHash(workerData.algorithm);
parentPort.on('message', (message) => {
  if (message.kind === 'update') {
    hash.update(new Uint8Array(message.buffer, message.offset, message.length));
    parentPort.postMessage({ kind: 'ack', id: message.id });
  } else if (message.kind === 'digest') {
    parentPort.postMessage({ kind: 'digest', hex: hash.digest('hex') });
  }
});`;

interface HashWorker {
  worker: Worker;
  acks: Map<number, () => void>;
  digest: Promise<string>;
  requestDigest: () => void;
  failure: Promise<never>;
}

function startHashWorker(algorithm: 'sha256' | 'sha1' | 'md5'): HashWorker {
  const worker = new Worker(HASH_WORKER, { eval: true, workerData: { algorithm } });
  const acks = new Map<number, () => void>();
  let resolveDigest: (hex: string) => void = () => undefined;
  const digest = new Promise<string>((resolve) => (resolveDigest = resolve));
  const failure = new Promise<never>((_resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`${algorithm} hashing thread stopped (exit ${code})`)));
  });
  failure.catch(() => undefined);
  worker.on('message', (message: { kind: 'ack'; id: number } | { kind: 'digest'; hex: string }) => {
    if (message.kind === 'ack') {
      acks.get(message.id)?.();
      acks.delete(message.id);
    } else {
      resolveDigest(message.hex);
    }
  });
  return { worker, acks, digest, failure, requestDigest: () => worker.postMessage({ kind: 'digest' }) };
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
  const workers = [startHashWorker('sha256'), startHashWorker('sha1'), startHashWorker('md5')] as const;
  let nextId = 0;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const w of workers) void w.worker.terminate();
  };
  return {
    update(bytes) {
      if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new TypeError('parallel hashing needs a view of a SharedArrayBuffer');
      const id = nextId++;
      const done = workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.acks.set(id, resolve);
            w.worker.postMessage({ kind: 'update', buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.byteLength, id });
          }),
      );
      return Promise.race([Promise.all(done).then(() => undefined), ...workers.map((w) => w.failure)]);
    },
    async digest() {
      for (const w of workers) w.requestDigest();
      try {
        const [sha256, sha1, md5] = await Promise.race([Promise.all([workers[0].digest, workers[1].digest, workers[2].digest]), ...workers.map((w) => w.failure)]);
        return { sha256, sha1, md5 };
      } finally {
        close();
      }
    },
    close,
  };
}

/** Content at least this large is hashed on worker threads (starting them costs ~50 ms). */
export const PARALLEL_HASH_MIN_BYTES = 32 * 1024 * 1024;

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
  const ring: (Buffer | undefined)[] = [undefined, undefined, undefined];
  const busy: Promise<void>[] = ring.map(() => Promise.resolve());
  let bytes = 0;
  let count = 0;
  try {
    for await (const chunk of chunks) {
      if (parallel) {
        const slot = count % ring.length;
        await busy[slot];
        let buffer = ring[slot];
        if (!buffer || buffer.length < chunk.length) buffer = ring[slot] = Buffer.from(new SharedArrayBuffer(chunk.length));
        buffer.set(chunk);
        busy[slot] = hasher.update(buffer.subarray(0, chunk.length));
      } else {
        await hasher.update(chunk);
      }
      count += 1;
      bytes += chunk.length;
      onBytes(chunk.length);
    }
    await Promise.all(busy);
    return { hashes: await hasher.digest(), bytes };
  } finally {
    hasher.close();
  }
}
