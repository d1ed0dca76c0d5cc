import type { FileHandle } from 'node:fs/promises';

/** Bytes written between two background flushes. */
const SYNC_EVERY_BYTES = 64 * 1024 * 1024;

/**
 * Flushes a file being written to disk as it grows (fdatasync every 64 MiB, on libuv's threads,
 * one at a time), so the disk writes while the producer encrypts or decrypts the next blocks.
 * Without it the kernel holds the whole output in memory until the final fsync (here up to 10% of
 * RAM may stay dirty) and that fsync then writes all of it while nothing else runs: ~0.25 s for a
 * 512 MiB share on this machine. The final `finish` is still a full fsync: durability is decided
 * there, the earlier flushes only move the work earlier.
 */
export class BackgroundSync {
  private pending: Promise<void> | undefined;
  private failure: unknown;
  private unsynced = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly every = SYNC_EVERY_BYTES,
  ) {}

  /** Call after `bytes` more were written (their write completed). */
  wrote(bytes: number): void {
    this.unsynced += bytes;
    if (this.unsynced < this.every || this.pending !== undefined) return;
    this.unsynced = 0;
    this.pending = this.handle.datasync().then(
      () => {
        this.pending = undefined;
      },
      (err: unknown) => {
        this.failure ??= err;
        this.pending = undefined;
      },
    );
  }

  /** Waits for a flush in flight, rethrows its failure, then fsyncs the whole file. */
  async finish(): Promise<void> {
    await this.pending;
    if (this.failure !== undefined) throw this.failure;
    await this.handle.sync();
  }

  /** Lets a flush in flight settle (before closing the handle after a failure). */
  async settle(): Promise<void> {
    await this.pending;
  }
}
