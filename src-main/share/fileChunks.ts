import type { FileHandle } from 'node:fs/promises';
import { throwIfAborted } from './ShareError';

/** 1 MiB reads: large enough for disk throughput, small enough to keep memory flat. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/**
 * Read buffers enough for readAhead (at most two chunks pulled ahead) in front of a consumer that
 * is done with each chunk before it pulls the next, plus a spare (readFileChunks.test.ts: one
 * buffer fails, this many holds). A fresh 1 MiB buffer per read made
 * garbage: reusing four cut openShare's CPU by ~20% on 512 MiB.
 */
export const READ_AHEAD_RING = 4;

/**
 * Reads `length` bytes of an open file from `start`, chunk by chunk. Each chunk is a fresh buffer
 * (consumers may keep it), unless `ring` is given: then chunks cycle through that many buffers,
 * for a consumer that is done with each chunk before it has pulled `ring - 1` more (readAhead
 * pulls up to its depth ahead). Throws if the file is shorter than promised, so a file that
 * shrinks while being read can never pass for a complete one.
 */
export async function* readFileChunks(
  handle: FileHandle,
  start: number,
  length: number,
  signal?: AbortSignal,
  options: { ring?: number } = {},
): AsyncGenerator<Uint8Array> {
  const ring: Uint8Array[] = [];
  let reads = 0;
  let position = start;
  const end = start + length;
  while (position < end) {
    throwIfAborted(signal);
    const want = Math.min(FILE_CHUNK_BYTES, end - position);
    let buffer: Uint8Array;
    if (options.ring === undefined) buffer = new Uint8Array(want);
    else {
      const slot = reads++ % options.ring;
      buffer = (ring[slot] ??= new Uint8Array(FILE_CHUNK_BYTES)).subarray(0, want);
    }
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(buffer, filled, want - filled, position + filled);
      if (bytesRead === 0) {
        throw new Error(`file ended at byte ${position + filled}, expected ${end}`);
      }
      filled += bytesRead;
    }
    position += want;
    yield buffer;
  }
}
