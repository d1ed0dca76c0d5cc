import { ChunkReader } from './chunkReader';
import { MANIFEST_MAX_BYTES, SNAPSHOT_ENTRY_NAME } from './shareManifest';
import { ShareError } from './ShareError';
import { BLOCK, decodePaxRecords, decodeTarHeader, isZeroBlock, paddingFor, type TarHeader } from './tarHeader';

/*
 * Reads a share container defensively. Nothing inside is trusted: the only entries accepted are
 * manifest.json, manifest.sig and case.dossier, in that order, as regular files with bounded
 * sizes; no links, directories, devices, long-name or global headers, no path prefixes. Names are
 * never used as paths: the caller decides where bytes go.
 * The order lets the caller check the signature and the sender before the large snapshot is
 * written anywhere.
 */

export const MANIFEST_ENTRY_NAME = 'manifest.json';
export const SIGNATURE_ENTRY_NAME = 'manifest.sig';
const SIGNATURE_MAX_BYTES = 1024;
const PAX_MAX_BYTES = 4096;
/** Zero padding tolerated after end-of-archive (GNU tar pads to 10 KiB records by default). */
const TRAILER_MAX_BYTES = 1024 * 1024;
/** pax keys that may appear and carry nothing we use, besides size. */
const HARMLESS_PAX_KEYS = new Set(['mtime', 'atime', 'ctime', 'uid', 'gid', 'uname', 'gname']);

export interface ShareTarHooks {
  /** Gets manifest.json and manifest.sig; returns the snapshot size the (verified) manifest states. */
  onManifest(manifest: Uint8Array, signature: Uint8Array): Promise<number> | number;
  /**
   * The snapshot header was read: `archiveEnd` is where the archive must at least extend to
   * (end of data, padding and end-of-archive blocks), so the caller can spot a cut-off file early.
   */
  onSnapshotStart(size: number, archiveEnd: number): Promise<void> | void;
  onSnapshotChunk(chunk: Uint8Array): Promise<void> | void;
}

/** Parses the container from `source`, calling `hooks`; throws SHARE_CONTENT_INVALID on any deviation. */
export async function readShareTar(source: AsyncIterable<Uint8Array>, hooks: ShareTarHooks): Promise<void> {
  const reader = new ChunkReader(source[Symbol.asyncIterator]());

  const manifestHeader = await readEntryHeader(reader, MANIFEST_ENTRY_NAME, MANIFEST_MAX_BYTES);
  const manifest = await readSmallEntry(reader, manifestHeader);
  const signatureHeader = await readEntryHeader(reader, SIGNATURE_ENTRY_NAME, SIGNATURE_MAX_BYTES);
  const signature = await readSmallEntry(reader, signatureHeader);

  const expectedSize = await hooks.onManifest(manifest, signature);
  const snapshotHeader = await readEntryHeader(reader, SNAPSHOT_ENTRY_NAME, Number.MAX_SAFE_INTEGER);
  if (snapshotHeader.size !== expectedSize) {
    throw new ShareError(
      'SNAPSHOT_HASH_MISMATCH',
      `The case file in this share is ${snapshotHeader.size} bytes but the sender signed one of ${expectedSize} bytes: it is not the case file the sender shared. Do not use it; ask the sender to share again.`,
    );
  }
  const padding = paddingFor(snapshotHeader.size);
  await hooks.onSnapshotStart(snapshotHeader.size, reader.position + snapshotHeader.size + padding + 2 * BLOCK);
  let received = 0;
  for await (const chunk of reader.stream(snapshotHeader.size)) {
    received += chunk.length;
    await hooks.onSnapshotChunk(chunk);
  }
  if (received !== snapshotHeader.size) invalid('the archive ends inside the case file');
  await expectZeros(reader, padding, 'padding after the case file');

  // End of archive: two zero blocks, then nothing but zero padding.
  const end = await reader.read(2 * BLOCK);
  if (end.length !== 2 * BLOCK) invalid('the archive has no end-of-archive marker');
  if (!isZeroBlock(end)) invalid('the archive holds more than the three expected files');
  let trailer = 0;
  for (;;) {
    const rest = await reader.read(64 * 1024);
    if (rest.length === 0) break;
    trailer += rest.length;
    if (!isZeroBlock(rest) || trailer > TRAILER_MAX_BYTES) invalid('data follows the end of the archive');
  }
}

/** Next header must be the regular file `name` (optionally after a pax header), size <= max. */
async function readEntryHeader(reader: ChunkReader, name: string, maxSize: number): Promise<TarHeader> {
  let header = await readHeader(reader, name);
  let paxSize: number | undefined;
  if (header.typeflag === 'x') {
    if (header.size > PAX_MAX_BYTES) invalid(`the extended header before ${name} is too large`);
    const records = decodePaxRecords(await readSmallEntry(reader, header));
    if (typeof records === 'string') invalid(`${records} before ${name}`);
    for (const [key, value] of records) {
      if (key === 'size') {
        if (!/^[0-9]{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) invalid(`bad pax size for ${name}`);
        paxSize = Number(value);
      } else if (!HARMLESS_PAX_KEYS.has(key)) {
        invalid(`extended header key "${key}" before ${name} is not allowed`);
      }
    }
    header = await readHeader(reader, name);
  }
  if (header.typeflag === '1' || header.typeflag === '2') {
    invalid(`it contains a link (${describe(header.name)}); a share holds no links`);
  }
  if (header.typeflag !== '0' && header.typeflag !== '\0') {
    invalid(`entry ${describe(header.name)} has type "${describe(header.typeflag)}"; only regular files are allowed`);
  }
  if (header.name !== name || header.prefix !== '') {
    invalid(`expected ${name}, found ${describe(header.prefix ? `${header.prefix}/${header.name}` : header.name)}`);
  }
  const size = paxSize ?? header.size;
  if (size > maxSize) invalid(`${name} is ${size} bytes, more than the ${maxSize} allowed`);
  return { ...header, size };
}

async function readHeader(reader: ChunkReader, expecting: string): Promise<TarHeader> {
  const block = await reader.read(BLOCK);
  if (block.length === 0 && reader.position === 0) invalid('it is empty');
  if (block.length !== BLOCK) invalid(`the archive ends before ${expecting}`);
  if (isZeroBlock(block)) invalid(`the archive ends before ${expecting}`);
  const header = decodeTarHeader(block);
  if (typeof header === 'string') invalid(`${header} (at byte ${reader.position - BLOCK})`);
  return header;
}

async function readSmallEntry(reader: ChunkReader, header: TarHeader): Promise<Uint8Array> {
  const data = await reader.read(header.size);
  if (data.length !== header.size) invalid(`the archive ends inside ${describe(header.name)}`);
  await expectZeros(reader, paddingFor(header.size), `padding after ${describe(header.name)}`);
  // Copy: `data` may be a view into a large decrypted chunk we do not want to keep alive.
  return data.slice();
}

async function expectZeros(reader: ChunkReader, n: number, what: string): Promise<void> {
  if (n === 0) return;
  const bytes = await reader.read(n);
  if (bytes.length !== n) invalid(`the archive ends inside the ${what}`);
  if (!isZeroBlock(bytes)) invalid(`the ${what} is not zero`);
}

/** Entry names come from an untrusted file: show them escaped and short. */
function describe(text: string): string {
  return JSON.stringify(text.slice(0, 80));
}

function invalid(reason: string): never {
  throw new ShareError(
    'SHARE_CONTENT_INVALID',
    `This file decrypts but is not a valid Dossier share: ${reason}.`,
  );
}
