import { Worker } from 'node:worker_threads';

export type HashAlgorithm = 'sha256' | 'sha1' | 'md5';

/**
 * Worker source (CommonJS, evaluated): hashes views of shared memory it is sent, acknowledges
 * each so the sender can reuse the buffer. Kept as a string so it works unbundled (tests, CLI)
 * and bundled (Electron main) without a separate file to locate.
 */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hash = createHash(workerData.algorithm);
const buffers = new Map();
parentPort.on('message', (message) => {
  if (message.kind === 'buffer') {
    buffers.set(message.bufferId, message.buffer);
  } else if (message.kind === 'update') {
    hash.update(new Uint8Array(buffers.get(message.bufferId), message.offset, message.length));
    parentPort.postMessage({ kind: 'ack', id: message.id });
  } else if (message.kind === 'digest') {
    parentPort.postMessage({ kind: 'digest', hex: hash.digest('hex') });
  }
});`;

/**
 * The thread keeps no data of its own (it reads shared memory): a small heap keeps its resident
 * memory small. With V8's defaults a thread added ~15-25 MiB to a share's peak RSS.
 */
const HASH_THREAD_HEAP = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 };

/**
 * One hash computed on its own worker thread, over views of shared memory (no copies): the
 * thread that reads, encrypts or writes the bytes does not also hash them. Starting a thread
 * costs tens of milliseconds, so this pays for large content only.
 */
export class HashThread {
  private readonly worker: Worker;
  private readonly acks = new Map<number, () => void>();
  private nextId = 0;
  /** Sending a SharedArrayBuffer costs ~0.3 ms a message: each is sent once, then named by id. */
  private readonly bufferIds = new WeakMap<SharedArrayBuffer, number>();
  private nextBufferId = 0;
  private closed = false;
  private resolveDigest: (hex: string) => void = () => undefined;
  private readonly digestHex: Promise<string>;
  /** Rejects when the thread fails or stops before its digest; never resolves. */
  readonly failure: Promise<never>;

  constructor(readonly algorithm: HashAlgorithm) {
    this.worker = new Worker(HASH_WORKER, { eval: true, workerData: { algorithm }, resourceLimits: HASH_THREAD_HEAP });
    this.digestHex = new Promise<string>((resolve) => (this.resolveDigest = resolve));
    this.failure = new Promise<never>((_resolve, reject) => {
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`${algorithm} hashing thread stopped (exit ${code})`)));
    });
    this.failure.catch(() => undefined);
    this.worker.on('message', (message: { kind: 'ack'; id: number } | { kind: 'digest'; hex: string }) => {
      if (message.kind === 'ack') {
        this.acks.get(message.id)?.();
        this.acks.delete(message.id);
      } else {
        this.resolveDigest(message.hex);
      }
    });
  }

  /**
   * Hashes `bytes`, a view of a SharedArrayBuffer, after everything sent before. Settles when
   * `bytes` may be overwritten; rejects if the thread failed.
   */
  update(bytes: Uint8Array): Promise<void> {
    if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new TypeError('a hashing thread reads views of a SharedArrayBuffer');
    const buffer = bytes.buffer;
    let bufferId = this.bufferIds.get(buffer);
    if (bufferId === undefined) {
      bufferId = this.nextBufferId++;
      this.bufferIds.set(buffer, bufferId);
      this.worker.postMessage({ kind: 'buffer', bufferId, buffer });
    }
    const id = this.nextId++;
    const hashed = new Promise<void>((resolve) => {
      this.acks.set(id, resolve);
      this.worker.postMessage({ kind: 'update', bufferId, offset: bytes.byteOffset, length: bytes.byteLength, id });
    });
    return Promise.race([hashed, this.failure]);
  }

  /** The digest (lowercase hex) of everything sent; then the thread is stopped. */
  async digest(): Promise<string> {
    this.worker.postMessage({ kind: 'digest' });
    try {
      return await Promise.race([this.digestHex, this.failure]);
    } finally {
      this.close();
    }
  }

  /** Stops the thread; safe to call more than once, and after a failure. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
  }
}

/** Content at least this large is worth hashing on worker threads (starting one costs ~50 ms). */
export const HASH_THREAD_MIN_BYTES = 32 * 1024 * 1024;
