import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BackgroundSync } from '../../../src-main/outputs/BackgroundSync';

/** A file handle that records flushes; `datasync` settles when the test says so. */
function fakeHandle() {
  const calls: string[] = [];
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const handle = {
    datasync: () => {
      calls.push('datasync');
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    },
    sync: () => {
      calls.push('sync');
      return Promise.resolve();
    },
  };
  return { handle: handle as unknown as FileHandle, calls, pending };
}

describe('BackgroundSync', () => {
  it('flushes every `every` bytes, one flush at a time, and ends with a full fsync', async () => {
    const { handle, calls, pending } = fakeHandle();
    const flusher = new BackgroundSync(handle, 100);
    flusher.wrote(60);
    expect(calls).toEqual([]);
    flusher.wrote(60); // 120 >= 100: a flush starts
    flusher.wrote(200); // one is in flight: no second one
    expect(calls).toEqual(['datasync']);
    pending[0]!.resolve();
    await Promise.resolve();
    await Promise.resolve();
    flusher.wrote(100);
    expect(calls).toEqual(['datasync', 'datasync']);
    pending[1]!.resolve();
    await flusher.finish();
    expect(calls).toEqual(['datasync', 'datasync', 'sync']);
  });

  it('a background flush that failed fails the finish (a write error is never lost)', async () => {
    const { handle, calls, pending } = fakeHandle();
    const flusher = new BackgroundSync(handle, 10);
    flusher.wrote(10);
    pending[0]!.reject(new Error('EIO: i/o error, fdatasync'));
    await expect(flusher.finish()).rejects.toThrow(/EIO/);
    expect(calls).toEqual(['datasync']);
  });
});
