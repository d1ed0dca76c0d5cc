import type { FileHandle } from 'node:fs/promises';
import { throwIfAborted } from './ShareError';

/** 1 MiB reads: large enough for disk throughput, small enough to keep memory flat. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/**
 * Reads `length` bytes of an open file from `start`, chunk by chunk. Each chunk is a fresh buffer
 * (consumers may keep it). Throws if the file is shorter than promised, so a file that shrinks
 * while being read can never pass for a complete one.
 */
export async function* readFileChunks(
  handle: FileHandle,
  start: number,
  length: number,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  let position = start;
  const end = start + length;
  while (position < end) {
    throwIfAborted(signal);
    const want = Math.min(FILE_CHUNK_BYTES, end - position);
    const buffer = new Uint8Array(want);
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
