/*
 * The 512-byte tar header, POSIX ustar (IEEE 1003.1-1988) with a pax extended header ('x') for
 * files of 8 GiB and more. Writing is ours (a handful of fields); reading is strict on purpose:
 * see shareTarReader. Layout: name 0/100, mode 100/8, uid 108/8, gid 116/8, size 124/12,
 * mtime 136/12, chksum 148/8, typeflag 156/1, linkname 157/100, magic 257/6, version 263/2,
 * uname 265/32, gname 297/32, devmajor 329/8, devminor 337/8, prefix 345/155.
 */

export const BLOCK = 512;
/** Largest size the 11-digit octal field can hold: 8 GiB - 1. */
export const USTAR_MAX_SIZE = 0o77777777777;

export interface TarHeader {
  readonly name: string;
  readonly size: number;
  readonly typeflag: string;
  readonly linkname: string;
  /** 'ustar' (POSIX) or 'gnu' (GNU tar's default `ustar  ` magic) */
  readonly flavour: 'ustar' | 'gnu';
  readonly prefix: string;
}

const encoder = new TextEncoder();

/** Bytes needed to pad `size` to a whole number of blocks. */
export function paddingFor(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** A ustar header block for a regular file ('0') or a pax extended header ('x'). */
export function encodeTarHeader(fields: { name: string; size: number; mtime: number; typeflag: '0' | 'x' }): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const name = encoder.encode(fields.name);
  if (name.length > 100) throw new RangeError(`tar entry name too long: ${fields.name}`);
  block.set(name, 0);
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  // A size beyond the octal field goes in a pax header; readers take it from there.
  writeOctal(block, 124, 12, fields.size > USTAR_MAX_SIZE ? 0 : fields.size);
  writeOctal(block, 136, 12, Math.max(0, Math.floor(fields.mtime)));
  block.set(encoder.encode(fields.typeflag), 156);
  block.set(encoder.encode('ustar\0'), 257);
  block.set(encoder.encode('00'), 263);
  block.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  const sum = block.reduce((acc, byte) => acc + byte, 0);
  block.set(encoder.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return block;
}

/** pax records for a size beyond ustar: `<len> size=<n>\n`, len counting the whole record. */
export function encodePaxSizeRecord(size: number): Uint8Array {
  const body = ` size=${size}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length += 1;
  return encoder.encode(`${length}${body}`);
}

/** True for an all-zero block (end-of-archive marker). */
export function isZeroBlock(block: Uint8Array): boolean {
  return block.every((byte) => byte === 0);
}

/**
 * Decodes and checks one header block; returns an error string instead of throwing so the reader
 * can wrap it in its own error.
 */
export function decodeTarHeader(block: Uint8Array): TarHeader | string {
  if (block.length !== BLOCK) return 'short header block';
  const stored = parseNumeric(block.subarray(148, 156));
  const withSpaces = block.reduce((acc, byte, i) => acc + (i >= 148 && i < 156 ? 0x20 : byte), 0);
  if (stored === null || stored !== withSpaces) return 'header checksum mismatch';
  const magic = ascii(block.subarray(257, 265));
  let flavour: 'ustar' | 'gnu';
  if (magic === 'ustar\u000000') flavour = 'ustar';
  else if (magic === 'ustar  \u0000') flavour = 'gnu';
  else return 'not a ustar header';
  const size = parseNumeric(block.subarray(124, 136));
  if (size === null) return 'bad size field';
  return {
    name: cString(block.subarray(0, 100)),
    size,
    typeflag: String.fromCharCode(block[156]!),
    linkname: cString(block.subarray(157, 257)),
    flavour,
    // In the GNU flavour these bytes hold atime/ctime, not a name prefix.
    prefix: flavour === 'ustar' ? cString(block.subarray(345, 500)) : '',
  };
}

/**
 * Parses pax extended header records into key/value pairs; an error string if malformed.
 */
export function decodePaxRecords(data: Uint8Array): Map<string, string> | string {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0 || space - offset > 20) return 'malformed pax record';
    const length = Number(ascii(data.subarray(offset, space)));
    if (!Number.isSafeInteger(length) || length <= space - offset + 1 || offset + length > data.length) {
      return 'malformed pax record length';
    }
    const record = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(space + 1, offset + length));
    if (!record.endsWith('\n') || !record.includes('=')) return 'malformed pax record';
    const key = record.slice(0, record.indexOf('='));
    if (records.has(key)) return `pax key ${key} repeated`;
    records.set(key, record.slice(key.length + 1, -1));
    offset += length;
  }
  return records;
}

function writeOctal(block: Uint8Array, offset: number, width: number, value: number): void {
  block.set(encoder.encode(`${value.toString(8).padStart(width - 1, '0')}\0`), offset);
}

/** Octal (NUL/space padded) or GNU base-256 (high bit of the first byte set). */
function parseNumeric(field: Uint8Array): number | null {
  if ((field[0]! & 0x80) !== 0) {
    if ((field[0]! & 0x40) !== 0) return null; // negative
    let value = field[0]! & 0x3f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return Number.isSafeInteger(value) ? value : null;
  }
  const text = ascii(field).replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (!/^[0-7]+$/.test(text)) return text === '' ? 0 : null;
  const value = parseInt(text, 8);
  return Number.isSafeInteger(value) ? value : null;
}

function cString(field: Uint8Array): string {
  const end = field.indexOf(0);
  return new TextDecoder('utf-8', { fatal: false }).decode(end < 0 ? field : field.subarray(0, end));
}

function ascii(field: Uint8Array): string {
  return String.fromCharCode(...field);
}
