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
    yield tarEntryHead(entry);
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

/**
 * The blocks before an entry's data: a pax 'x' header with its size record for 8 GiB or more,
 * then the ustar header. tarStream writes exactly these; createShare builds its archive's first
 * entries from them (tarEntryBytes) so it can write them last.
 */
export function tarEntryHead(entry: Pick<TarEntry, 'name' | 'size' | 'mtime'>): Uint8Array {
  const header = encodeTarHeader({ name: entry.name, size: entry.size, mtime: entry.mtime, typeflag: '0' });
  if (entry.size <= USTAR_MAX_SIZE) return header;
  const record = encodePaxSizeRecord(entry.size);
  const pax = encodeTarHeader({ name: `PaxHeaders/${entry.name}`, size: record.length, mtime: entry.mtime, typeflag: 'x' });
  return Buffer.concat([pax, padded(record), header]);
}

/** One whole entry held in memory, as tarStream writes it: head, data, padding. */
export function tarEntryBytes(entry: Pick<TarEntry, 'name' | 'mtime'> & { data: Uint8Array }): Uint8Array {
  const head = tarEntryHead({ name: entry.name, size: entry.data.length, mtime: entry.mtime });
  return Buffer.concat([head, entry.data, new Uint8Array(paddingFor(entry.data.length))]);
}

/** What tarStream writes after the last entry's data: its padding, then end-of-archive. */
export function tarEnd(lastEntrySize: number): Uint8Array {
  return new Uint8Array(paddingFor(lastEntrySize) + 2 * BLOCK);
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
