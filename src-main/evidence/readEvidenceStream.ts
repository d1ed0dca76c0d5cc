import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import { createInlineContentHasher } from './contentHasher';

export interface StoredContent {
  sha256: string;
  sha1: string;
  md5: string;
  size_bytes: number;
  chunk_count: number;
  stored_at: string;
}

export function getStoredContent(db: Database.Database, contentSha256: string): StoredContent {
  const row = prepareCached(db, 'SELECT * FROM evidence_content WHERE sha256 = ?').get(contentSha256) as StoredContent | undefined;
  if (!row) throw new DossierError('NOT_FOUND', `No stored evidence bytes with SHA-256 ${contentSha256} in this case.`);
  return row;
}

function readChunk(db: Database.Database, content: StoredContent, seq: number): Buffer {
  const data = prepareCached(db, 'SELECT data FROM evidence_chunk WHERE content_sha256 = ? AND seq = ?').pluck().get(content.sha256, seq) as
    | Buffer
    | undefined;
  if (!data) {
    throw new DossierError(
      'EVIDENCE_UNREADABLE',
      `Part ${seq + 1} of ${content.chunk_count} of the stored bytes ${content.sha256} is missing: the case file is damaged. Restore it from a backup or a teammate's copy.`,
      { sha256: content.sha256, seq },
    );
  }
  return data;
}

/** Up to `maxBytes` from the start of stored content, in memory (previews, text extraction). */
export function readStoredBytes(db: Database.Database, contentSha256: string, maxBytes: number): { bytes: Buffer; complete: boolean } {
  const content = getStoredContent(db, contentSha256);
  const parts: Buffer[] = [];
  let length = 0;
  for (let seq = 0; seq < content.chunk_count && length < maxBytes; seq += 1) {
    const data = readChunk(db, content, seq);
    parts.push(data.length > maxBytes - length ? data.subarray(0, maxBytes - length) : data);
    length += Math.min(data.length, maxBytes - length);
  }
  return { bytes: Buffer.concat(parts), complete: length >= content.size_bytes };
}

export interface ReadEvidenceOptions {
  /**
   * Re-hash while reading and throw EVIDENCE_HASH_MISMATCH after the last chunk if the bytes are not
   * the ones recorded (a consumer writing them somewhere must then discard what it wrote).
   */
  verify?: boolean;
  signal?: AbortSignal | undefined;
}

/**
 * The original bytes of stored content, chunk by chunk, in order: a multi-GB exhibit never sits in
 * memory. Each chunk is its own short read (no read transaction stays open between chunks, so the
 * case file stays writable); stored content never changes, so the chunks still form one file.
 */
export async function* readEvidenceStream(
  caseFile: CaseFile,
  contentSha256: string,
  options: ReadEvidenceOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const content = getStoredContent(caseFile.db, contentSha256);
  const hasher = options.verify ? createInlineContentHasher() : null;
  let total = 0;
  for (let seq = 0; seq < content.chunk_count; seq += 1) {
    if (options.signal?.aborted) throw new DossierError('CANCELLED', 'Reading the evidence bytes was cancelled.');
    const data = readChunk(caseFile.db, content, seq);
    hasher?.update(data);
    total += data.length;
    yield data;
    // Between chunks, let other events (a cancel request, UI calls) run.
    await yieldToEventLoop();
  }
  if (hasher) {
    const actual = hasher.digest();
    if (total !== content.size_bytes || actual.sha256 !== content.sha256 || actual.sha1 !== content.sha1 || actual.md5 !== content.md5) {
      throw new DossierError(
        'EVIDENCE_HASH_MISMATCH',
        `The stored bytes ${content.sha256} no longer match their recorded hashes (read ${total} of ${content.size_bytes} bytes, SHA-256 now ${actual.sha256}). ` +
          'The case file has been altered or damaged; restore it from a backup.',
        { expected: content.sha256, actual: actual.sha256 },
      );
    }
  }
}
