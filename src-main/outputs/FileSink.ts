import type { FileHandle } from 'node:fs/promises';
import { BackgroundSync } from './BackgroundSync';

/**
 * Appends chunks to an open file in writes of 1 MiB or more, one write in flight behind the
 * caller: while libuv's threads write block n, this thread encrypts or decrypts block n+1 (on a
 * 1 GiB share, waiting for each write cost about a third of the run). Memory: two 1 MiB buffers,
 * plus the one large chunk being written.
 *
 * A chunk of 1 MiB or more is written as it is, after write() returns: callers must not change a
 * chunk once they passed it (the share code passes fresh buffers or views of them). With
 * `copyChunks`, every chunk is copied into the two buffers instead, so callers may reuse theirs
 * (writeOutputFile, whose producers are not all known here).
 */
export class FileSink {
  private buffer = new Uint8Array(1024 * 1024);
  private spare = new Uint8Array(1024 * 1024);
  private used = 0;
  private inFlight: Promise<void> | undefined;
  private failure: unknown;
  private readonly flusher: BackgroundSync;
  /** bytes accepted so far */
  written = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly options: { copyChunks?: boolean } = {},
  ) {
    this.flusher = new BackgroundSync(handle);
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.options.copyChunks === true && chunk.length > this.buffer.length) {
      for (let at = 0; at < chunk.length; at += this.buffer.length) await this.write(chunk.subarray(at, at + this.buffer.length));
      return;
    }
    this.written += chunk.length;
    if (chunk.length >= this.buffer.length && this.options.copyChunks !== true) {
      await this.flush();
      await this.startWrite(chunk);
      return;
    }
    if (this.used + chunk.length > this.buffer.length) await this.flush();
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
  }

  /**
   * Writes `data` at `position` (a part written earlier, e.g. reserved as zeros), after every
   * earlier write is done; appending goes on after it as before.
   */
  async writeAt(data: Uint8Array, position: number): Promise<void> {
    await this.flush();
    await this.settle();
    for (let offset = 0; offset < data.length; ) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset, position + offset);
      offset += bytesWritten;
    }
  }

  /** Writes what is buffered, waits for every write and fsyncs: after this the bytes are on disk. */
  async close(): Promise<void> {
    await this.flush();
    await this.settle();
    await this.flusher.finish();
  }

  /** After a failure: lets the write and flush in flight settle (their errors ignored), so the file can be closed and removed. */
  async abandon(): Promise<void> {
    await this.inFlight;
    await this.flusher.settle();
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const full = this.buffer.subarray(0, this.used);
    // The buffer being written becomes the spare only after its write is done (startWrite waits).
    await this.startWrite(full);
    [this.buffer, this.spare] = [this.spare, this.buffer];
    this.used = 0;
  }

  /** Waits for the write in flight (rethrowing its failure), then starts writing `data`. */
  private async startWrite(data: Uint8Array): Promise<void> {
    await this.settle();
    // Failures are kept and rethrown by the next call rather than left as an unhandled rejection.
    this.inFlight = writeAll(this.handle, data).then(
      () => this.flusher.wrote(data.length),
      (err: unknown) => {
        this.failure = err;
      },
    );
  }

  private async settle(): Promise<void> {
    await this.inFlight;
    this.inFlight = undefined;
    if (this.failure !== undefined) throw this.failure;
  }
}

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}
