import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import { type ContentHasher, type ContentHashes, createContentHasher, createParallelContentHasher, PARALLEL_HASH_MIN_BYTES } from './contentHasher';
import { assertSourceUnchanged, type EvidenceSource, sourceError } from './openEvidenceSource';

/** Bytes per stored chunk: large enough for few rows, far below SQLite's 1e9-byte blob limit. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** How much of the start of a file is kept in memory for media-type detection. */
export const HEAD_BYTES = 1024 * 1024;

export interface StoredBytes extends ContentHashes {
  size: number;
  chunkCount: number;
  /** The same bytes were already in the case file: nothing new was stored. */
  duplicate: boolean;
  /** The first HEAD_BYTES of the file (fewer if it is shorter). */
  head: Buffer;
}

export interface StoreHooks {
  onBytes?: (bytes: number) => void;
  signal?: AbortSignal | undefined;
}

/** Read buffers in rotation: one being read into, one being stored, one still hashed by workers. */
const RING_SIZE = 3;

/** Reads until `buffer` is full or the file ends; returns the byte count. */
async function readFull(source: EvidenceSource, buffer: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await source.handle.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

function throwIfCancelled(signal: AbortSignal | undefined, source: EvidenceSource): void {
  if (signal?.aborted) {
    throw new DossierError('CANCELLED', `Import of ${source.name} was cancelled; nothing was stored from it.`, { path: source.path });
  }
}

/**
 * Streams a file into the case file once: SHA-256, SHA-1 and MD5 in the same pass, bytes stored
 * in chunks. Must run inside an open transaction with deferred foreign keys (the caller commits or
 * rolls back: a failure here leaves nothing behind).
 *
 * The content address is known only at the end, so chunks go in under a provisional key and are
 * re-keyed in place (migration 0020 explains the rules that allow only this). Identical content
 * already in the case is linked instead: the new chunks are rolled back to a savepoint, so the bytes
 * are stored once. Three things overlap: reading the next chunk, storing this one, and hashing it
 * (on worker threads for large files). Memory stays at three chunk buffers plus the head,
 * whatever the file size.
 */
export async function storeEvidenceBytes(db: Database.Database, source: EvidenceSource, hooks: StoreHooks = {}): Promise<StoredBytes> {
  const parallel = Number(source.stat.size) >= PARALLEL_HASH_MIN_BYTES;
  const hasher = parallel ? createParallelContentHasher() : createContentHasher();
  try {
    return await streamIntoChunks(db, source, hooks, hasher);
  } finally {
    // Idempotent; ends the hashing threads on every path, including errors after the read loop.
    hasher.close();
  }
}

async function streamIntoChunks(db: Database.Database, source: EvidenceSource, hooks: StoreHooks, hasher: ContentHasher): Promise<StoredBytes> {
  const pendingKey = `pending-${randomBytes(28).toString('hex')}`;
  const insertChunk = prepareCached(db, 'INSERT INTO evidence_chunk (content_sha256, seq, data) VALUES (?, ?, ?)');
  const expectedSize = Number(source.stat.size);
  // Shared memory so hashing threads can read the very bytes that are stored.
  const ring = Array.from({ length: RING_SIZE }, () => Buffer.from(new SharedArrayBuffer(CHUNK_BYTES)));
  /** Per ring slot: settles when the hashers are done with what the slot holds. */
  const hashed: Promise<void>[] = ring.map(() => Promise.resolve());
  const headParts: Buffer[] = [];
  let headLength = 0;
  let position = 0;
  let seq = 0;

  db.exec('SAVEPOINT evidence_bytes');
  let nextRead: Promise<number> | null = readFull(source, ring[0]!, 0);
  try {
    while (nextRead) {
      const filled = await nextRead;
      nextRead = null;
      if (filled === 0) break;
      const slot = seq % RING_SIZE;
      const chunk = ring[slot]!.subarray(0, filled);
      position += filled;
      throwIfCancelled(hooks.signal, source);
      hashed[slot] = hasher.update(chunk);
      // A file that keeps growing (a live log) would never end: stop as soon as it passes its size.
      if (filled === CHUNK_BYTES && position <= expectedSize) {
        const nextSlot = (seq + 1) % RING_SIZE;
        const at = position;
        nextRead = hashed[nextSlot]!.then(() => readFull(source, ring[nextSlot]!, at));
      }
      if (headLength < HEAD_BYTES) {
        const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - headLength));
        headParts.push(part);
        headLength += part.length;
      }
      insertChunk.run(pendingKey, seq, chunk);
      seq += 1;
      hooks.onBytes?.(filled);
    }
    throwIfCancelled(hooks.signal, source);
    await assertSourceUnchanged(source, position);
  } catch (error) {
    hasher.close();
    // Let in-flight reads and hashing settle before the caller closes the file handle.
    await Promise.allSettled([nextRead, ...hashed]);
    if (error instanceof DossierError || (error as { code?: string }).code?.startsWith('SQLITE')) throw error;
    throw sourceError(error, source.path);
  }

  await Promise.all(hashed);
  const hashes = await hasher.digest();
  const existing = prepareCached(db, 'SELECT sha1, md5, size_bytes FROM evidence_content WHERE sha256 = ?').get(hashes.sha256) as
    | { sha1: string; md5: string; size_bytes: number }
    | undefined;
  const head = Buffer.concat(headParts);
  if (existing) {
    if (existing.sha1 !== hashes.sha1 || existing.md5 !== hashes.md5 || existing.size_bytes !== position) {
      // Same SHA-256, different bytes: a collision or a damaged case file. Never link silently.
      throw new DossierError(
        'EVIDENCE_HASH_MISMATCH',
        `${source.path} has the SHA-256 of content already stored, but its SHA-1/MD5/size differ. Run "verify" on the case file; nothing was stored.`,
        { path: source.path, sha256: hashes.sha256 },
      );
    }
    db.exec('ROLLBACK TO evidence_bytes; RELEASE evidence_bytes');
    return { ...hashes, size: position, chunkCount: seq, duplicate: true, head };
  }
  prepareCached(
    db,
    'INSERT INTO evidence_content (sha256, sha1, md5, size_bytes, chunk_count, stored_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(hashes.sha256, hashes.sha1, hashes.md5, position, seq, nowIso());
  const rekeyed = prepareCached(db, 'UPDATE evidence_chunk SET content_sha256 = ? WHERE content_sha256 = ?').run(hashes.sha256, pendingKey);
  if (rekeyed.changes !== seq) {
    throw new DossierError('INTERNAL', `Stored ${rekeyed.changes} chunks of ${source.path} where ${seq} were written; nothing was kept.`);
  }
  db.exec('RELEASE evidence_bytes');
  return { ...hashes, size: position, chunkCount: seq, duplicate: false, head };
}
