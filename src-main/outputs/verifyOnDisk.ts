import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DossierError } from '../contract/errors';
import { HASH_THREAD_MIN_BYTES } from '../hashing/HashThread';
import { readBackOnThreads } from './readBackOnThreads';
import type { LayoutComparer, WrittenLayout } from './WrittenLayout';

/** What an output holds: its SHA-256 (lowercase hex) and size. */
export interface OutputDigest {
  sha256: string;
  bytes: number;
}

const CHUNK = 1 << 20;

/** SHA-256 and size of a file as it is on disk now, read back in 1 MiB chunks. */
export function hashOnDisk(filePath: string, each?: (chunk: Uint8Array) => void): OutputDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = fs.openSync(filePath, 'r');
  let bytes = 0;
  try {
    for (let n = fs.readSync(fd, buffer, 0, CHUNK, null); n > 0; n = fs.readSync(fd, buffer, 0, CHUNK, null)) {
      hash.update(buffer.subarray(0, n));
      each?.(buffer.subarray(0, n));
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

/**
 * Reads a finished temp file back once: its SHA-256 (what custody records) and, part by part, a
 * comparison with what was handed to the disk (WrittenLayout). A short, long or altered file is
 * never renamed into place or certified; the error says which bytes differ.
 */
export function verifyLayoutOnDisk(filePath: string, layout: WrittenLayout, target: string): OutputDigest {
  const comparer = layout.comparer();
  const onDisk = hashOnDisk(filePath, (chunk) => comparer.update(chunk));
  return checkedAgainst(layout, comparer, onDisk, target);
}

/** verifyLayoutOnDisk for large files: the SHA-256 on a worker thread beside the comparison. */
export async function verifyLayoutOnDiskAsync(filePath: string, layout: WrittenLayout, target: string): Promise<OutputDigest> {
  if (layout.bytes < HASH_THREAD_MIN_BYTES) return verifyLayoutOnDisk(filePath, layout, target);
  const comparer = layout.comparer();
  const onDisk = await readBackOnThreads(filePath, comparer);
  return checkedAgainst(layout, comparer, onDisk, target);
}

function checkedAgainst(layout: WrittenLayout, comparer: LayoutComparer, onDisk: OutputDigest, target: string): OutputDigest {
  const difference = comparer.finish();
  if (difference !== null) {
    const where = onDisk.bytes === layout.bytes
      ? `bytes ${difference.from.toLocaleString('en-US')}-${difference.to.toLocaleString('en-US')} read back differ from what was written`
      : `it holds ${onDisk.bytes.toLocaleString('en-US')} bytes where ${layout.bytes.toLocaleString('en-US')} were written`;
    throw new DossierError(
      'OUTPUT_VERIFY_FAILED',
      `${target} was not written: on disk, ${where}. Check the disk and try again.`,
      { path: target, meantBytes: layout.bytes, onDisk, differs: difference },
    );
  }
  return onDisk;
}
