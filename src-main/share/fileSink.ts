import type { FileHandle } from 'node:fs/promises';

/**
 * Appends chunks to an open file through a 1 MiB buffer: age emits 64 KiB chunks, and one write
 * per chunk costs measurable time on a 1 GB share. Memory stays at one buffer.
 */
export class FileSink {
  private readonly buffer = new Uint8Array(1024 * 1024);
  private used = 0;
  /** bytes accepted so far */
  written = 0;

  constructor(private readonly handle: FileHandle) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.written += chunk.length;
    if (chunk.length >= this.buffer.length) {
      await this.flush();
      await writeAll(this.handle, chunk);
      return;
    }
    if (this.used + chunk.length > this.buffer.length) await this.flush();
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
  }

  /** Writes what is buffered and fsyncs: after this the bytes are on disk. */
  async close(): Promise<void> {
    await this.flush();
    await this.handle.sync();
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    await writeAll(this.handle, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}
