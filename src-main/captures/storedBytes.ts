import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import { CHUNK_BYTES } from '../evidence/storeEvidenceBytes';
import { getStoredContent } from '../evidence/readEvidenceStream';

/**
 * Random access to an exhibit's stored bytes. Every chunk but the last holds exactly CHUNK_BYTES
 * (storeEvidenceBytes fills each buffer before storing it), so byte N lives in chunk
 * floor(N / CHUNK_BYTES). A chunk of any other size is damage, reported, never guessed around.
 */
function chunkAt(db: Database.Database, contentSha256: string, seq: number, chunkCount: number): Buffer {
  const data = prepareCached(db, 'SELECT data FROM evidence_chunk WHERE content_sha256 = ? AND seq = ?').pluck().get(contentSha256, seq) as
    | Buffer
    | undefined;
  if (!data || (seq < chunkCount - 1 && data.length !== CHUNK_BYTES)) {
    throw new DossierError(
      'EVIDENCE_UNREADABLE',
      `Part ${seq + 1} of the stored bytes ${contentSha256} is missing or damaged. Restore the case file from a backup.`,
      { sha256: contentSha256, seq },
    );
  }
  return data;
}

/** Size in bytes of stored content. */
export function storedSize(db: Database.Database, contentSha256: string): number {
  return getStoredContent(db, contentSha256).size_bytes;
}

/** Bytes [offset, offset + length) of stored content, in memory: for small ranges (headers, one record). */
export function readStoredRange(db: Database.Database, contentSha256: string, offset: number, length: number): Buffer {
  const content = getStoredContent(db, contentSha256);
  const end = Math.min(offset + length, content.size_bytes);
  const parts: Buffer[] = [];
  for (let at = offset; at < end; ) {
    const seq = Math.floor(at / CHUNK_BYTES);
    const chunk = chunkAt(db, contentSha256, seq, content.chunk_count);
    const from = at - seq * CHUNK_BYTES;
    const take = Math.min(chunk.length - from, end - at);
    if (take <= 0) break;
    parts.push(chunk.subarray(from, from + take));
    at += take;
  }
  return Buffer.concat(parts);
}

/** Bytes [offset, offset + length) of stored content, streamed chunk by chunk (a member of a multi-GB archive). */
export async function* streamStoredRange(
  db: Database.Database,
  contentSha256: string,
  offset = 0,
  length = Number.MAX_SAFE_INTEGER,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array, void, undefined> {
  const content = getStoredContent(db, contentSha256);
  const end = Math.min(offset + length, content.size_bytes);
  for (let at = offset; at < end; ) {
    if (signal?.aborted) throw new DossierError('CANCELLED', 'Reading the capture was cancelled.');
    const seq = Math.floor(at / CHUNK_BYTES);
    const chunk = chunkAt(db, contentSha256, seq, content.chunk_count);
    const from = at - seq * CHUNK_BYTES;
    const take = Math.min(chunk.length - from, end - at);
    if (take <= 0) break;
    // Each chunk is a fresh Buffer from SQLite, so handing out a view of it is safe.
    yield chunk.subarray(from, from + take);
    at += take;
    await yieldToEventLoop();
  }
}
