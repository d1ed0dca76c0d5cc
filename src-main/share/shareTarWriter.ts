import { BLOCK, encodePaxSizeRecord, encodeTarHeader, paddingFor, USTAR_MAX_SIZE } from './tarHeader';

/** One file to put in the container. */
export interface TarEntry {
  readonly name: string;
  readonly size: number;
  /** seconds since the epoch */
  readonly mtime: number;
  /** Must yield exactly `size` bytes, checked. */
  readonly data: Uint8Array | AsyncIterable<Uint8Array>;
}

/**
 * Streams a tar archive of `entries`, in order, ending with the two zero blocks of end-of-archive.
 * Plain ustar; an entry of 8 GiB or more gets a pax 'x' header with its size first, which GNU tar,
 * bsdtar and Python's tarfile all read.
 */
export async function* tarStream(entries: readonly TarEntry[]): AsyncGenerator<Uint8Array> {
  for (const entry of entries) {
    if (entry.size > USTAR_MAX_SIZE) {
      const record = encodePaxSizeRecord(entry.size);
      yield encodeTarHeader({ name: `PaxHeaders/${entry.name}`, size: record.length, mtime: entry.mtime, typeflag: 'x' });
      yield padded(record);
    }
    yield encodeTarHeader({ name: entry.name, size: entry.size, mtime: entry.mtime, typeflag: '0' });
    let written = 0;
    const chunks = entry.data instanceof Uint8Array ? [entry.data] : entry.data;
    for await (const chunk of chunks) {
      written += chunk.length;
      if (written > entry.size) break;
      yield chunk;
    }
    if (written !== entry.size) {
      throw new Error(`tar entry ${entry.name}: expected ${entry.size} bytes, source gave ${written > entry.size ? 'more' : written}`);
    }
    const padding = paddingFor(entry.size);
    if (padding > 0) yield new Uint8Array(padding);
  }
  yield new Uint8Array(2 * BLOCK);
}

/** Exact size of the archive `tarStream` writes for these entry sizes. */
export function tarSize(sizes: readonly number[]): number {
  let total = 2 * BLOCK;
  for (const size of sizes) {
    if (size > USTAR_MAX_SIZE) total += 2 * BLOCK; // pax header + its one-block record
    total += BLOCK + size + paddingFor(size);
  }
  return total;
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + paddingFor(data.length));
  out.set(data);
  return out;
}
