import { DossierError } from '../contract/errors';

/** One file inside a ZIP archive (a WACZ), located in the stored exhibit. */
export interface ZipMember {
  name: string;
  /** 0 = stored, 8 = deflate; anything else cannot be read. */
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** Where the member's (compressed) data starts in the archive. */
  dataOffset: number;
}

/** Reads `length` bytes at `offset` of the archive (from the stored exhibit). */
export type RangeReader = (offset: number, length: number) => Buffer;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A WACZ is trusted no further than this: a directory larger than this is refused, not read into memory. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

function zipError(message: string): DossierError {
  return new DossierError('IMPORT_FAILED', `This WACZ is not a readable ZIP archive: ${message}.`);
}

function readUInt64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw zipError('a size or offset is too large');
  return Number(value);
}

/**
 * The members of a ZIP archive of `size` bytes, from its central directory (ZIP64 understood),
 * each with the offset of its data. Names are data, never paths on disk.
 */
export function readZipDirectory(read: RangeReader, size: number): ZipMember[] {
  const tailLength = Math.min(size, 22 + 65535);
  const tail = read(size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw zipError('no end-of-directory record (the file is truncated or not a ZIP)');
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const zip64At = readUInt64(tail, eocd - 20 + 8);
    const zip64 = read(zip64At, 56);
    if (zip64.readUInt32LE(0) !== ZIP64_EOCD) throw zipError('a broken ZIP64 end-of-directory record');
    count = readUInt64(zip64, 32);
    directorySize = readUInt64(zip64, 40);
    directoryOffset = readUInt64(zip64, 48);
  }
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) throw zipError('its directory lies outside the file');
  const directory = read(directoryOffset, directorySize);
  const members: ZipMember[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw zipError(`directory entry ${i + 1} is damaged`);
    const method = directory.readUInt16LE(at + 10);
    const crc32 = directory.readUInt32LE(at + 16);
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressed = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let localOffset = directory.readUInt32LE(at + 42);
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    // ZIP64 extra field: values that are 0xFFFFFFFF in the entry follow in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = directory.readUInt16LE(extra);
      const length = directory.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressed === 0xffffffff) (uncompressed = readUInt64(directory, field)), (field += 8);
        if (compressedSize === 0xffffffff) (compressedSize = readUInt64(directory, field)), (field += 8);
        if (localOffset === 0xffffffff) localOffset = readUInt64(directory, field);
      }
      extra += 4 + length;
    }
    const local = read(localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw zipError(`the entry for ${name} points to no file header`);
    const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataOffset + compressedSize > size) throw zipError(`${name} runs past the end of the file (truncated)`);
    members.push({ name, method, compressedSize, size: uncompressed, crc32, dataOffset });
    at = extraEnd + commentLength;
  }
  return members;
}
