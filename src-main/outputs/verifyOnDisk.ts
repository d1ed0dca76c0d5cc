import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DossierError } from '../contract/errors';

/** What an output holds: its SHA-256 (lowercase hex) and size. */
export interface OutputDigest {
  sha256: string;
  bytes: number;
}

const CHUNK = 1 << 20;

/** SHA-256 and size of a file as it is on disk now, read back in 1 MiB chunks. */
export function hashOnDisk(filePath: string): OutputDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = fs.openSync(filePath, 'r');
  let bytes = 0;
  try {
    for (let n = fs.readSync(fd, buffer, 0, CHUNK, null); n > 0; n = fs.readSync(fd, buffer, 0, CHUNK, null)) {
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Re-reads a finished temp file and compares it with what was meant to be written: a short or
 * altered file (a full disk some file systems only report late, a flaky stick) is never renamed
 * into place or certified. The hash that custody records is this one, taken from the disk.
 */
export function verifyOnDisk(filePath: string, meant: OutputDigest, target: string): OutputDigest {
  const onDisk = hashOnDisk(filePath);
  if (onDisk.sha256 !== meant.sha256 || onDisk.bytes !== meant.bytes) {
    throw new DossierError(
      'OUTPUT_VERIFY_FAILED',
      `${target} was not written: the file on disk (${onDisk.bytes} bytes, SHA-256 ${onDisk.sha256}) differs from what was meant (${meant.bytes} bytes, ${meant.sha256}). Check the disk and try again.`,
      { path: target, meant, onDisk },
    );
  }
  return onDisk;
}
