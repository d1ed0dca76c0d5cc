/**
 * Hands bytes to worker threads through a few reused shared buffers: each chunk is copied into
 * the next buffer once the threads are done with what it held before (a memcpy, far cheaper than
 * any hash), so the caller may reuse its own buffer as soon as `put` settles. A buffer grows to
 * the largest chunk put through it.
 */
export class SharedCopyRing {
  private readonly buffers: (Uint8Array | undefined)[];
  private readonly busy: Promise<void>[];
  private next = 0;

  constructor(
    slots: number,
    /** Starts the threads' work on `shared`; settles when they no longer read it. */
    private readonly send: (shared: Uint8Array) => Promise<void>,
  ) {
    this.buffers = Array.from({ length: slots }, () => undefined);
    this.busy = this.buffers.map(() => Promise.resolve());
  }

  async put(chunk: Uint8Array): Promise<void> {
    const slot = this.next++ % this.buffers.length;
    await this.busy[slot];
    let buffer = this.buffers[slot];
    if (buffer === undefined || buffer.length < chunk.length) buffer = this.buffers[slot] = new Uint8Array(new SharedArrayBuffer(chunk.length));
    buffer.set(chunk);
    this.busy[slot] = this.send(buffer.subarray(0, chunk.length));
  }

  /** Settles when the threads are done with every chunk put so far. */
  async settled(): Promise<void> {
    await Promise.all(this.busy);
  }
}
