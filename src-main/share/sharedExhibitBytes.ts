import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDatabase } from '../casefile/openDatabase';
import type { CUSTODY_RESULTS } from '../contract/enums';
import type { ShareProgress } from './shareProgress';
import { throwIfAborted } from './ShareError';

/** What re-hashing one exhibit's stored bytes in a shared copy found: what its custody event states. */
export interface SharedExhibitBytes {
  readonly id: string;
  readonly label: string;
  /** The SHA-256 recorded at import. */
  readonly recorded: string | null;
  /** The SHA-256 of the bytes stored in the copy, hashed just now; null when there were none to hash. */
  readonly hashSeen: string | null;
  /** ok: as recorded; mismatch: other bytes; failed: bytes missing; n/a: a record without stored bytes. */
  readonly result: (typeof CUSTODY_RESULTS)[number];
  /** In the investigator's words, for the custody event and a refusal. */
  readonly finding: string;
}

interface ExhibitRow {
  id: string;
  exhibit_label: string;
  sha256: string | null;
  size_bytes: number | null;
  content_sha256: string | null;
}

/** Bytes hashed between two yields to the event loop (the app's main process stays responsive). */
const YIELD_EVERY_BYTES = 8 << 20;

/**
 * Re-hashes the stored bytes of every exhibit in a copy of a case (tombstoned ones too: their
 * bytes travel with a share), chunk by chunk, never a whole file in memory; content shared by
 * several exhibits is read once. Used on the snapshot a share ships (its 'transferred' custody
 * events state what was hashed) and on the case file a received share holds (a copy whose bytes
 * do not match is refused), so that custody never claims a hash nobody computed.
 */
export async function hashSharedExhibits(
  db: Database.Database,
  options: { onProgress?: (progress: ShareProgress) => void; signal?: AbortSignal } = {},
): Promise<SharedExhibitBytes[]> {
  const exhibits = db.prepare('SELECT id, exhibit_label, sha256, size_bytes, content_sha256 FROM evidence ORDER BY exhibit_number, id').all() as ExhibitRow[];
  const contentSize = db.prepare('SELECT size_bytes FROM evidence_content WHERE sha256 = ?').pluck();
  const contents = [...new Set(exhibits.map((e) => e.content_sha256).filter((s): s is string => s !== null))];
  const total = contents.reduce((sum, sha) => sum + ((contentSize.get(sha) as number | undefined) ?? 0), 0);
  // One chunk at a time by seq: no statement stays open across the yields below.
  const nextChunk = db.prepare('SELECT seq, data FROM evidence_chunk WHERE content_sha256 = ? AND seq > ? ORDER BY seq LIMIT 1');
  const hashed = new Map<string, { sha256: string; bytes: number } | null>();
  let done = 0;
  let sinceYield = 0;
  options.onProgress?.({ stage: 'hash', done, total });
  for (const sha of contents) {
    if (contentSize.get(sha) === undefined) {
      hashed.set(sha, null);
      continue;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    let seq = -1;
    for (let chunk = nextChunk.get(sha, seq) as { seq: number; data: Buffer } | undefined; chunk; chunk = nextChunk.get(sha, seq) as typeof chunk) {
      hash.update(chunk.data);
      bytes += chunk.data.length;
      seq = chunk.seq;
      done += chunk.data.length;
      sinceYield += chunk.data.length;
      if (sinceYield >= YIELD_EVERY_BYTES) {
        sinceYield = 0;
        options.onProgress?.({ stage: 'hash', done, total });
        await new Promise<void>((resolve) => setImmediate(resolve));
        throwIfAborted(options.signal);
      }
    }
    hashed.set(sha, { sha256: hash.digest('hex'), bytes });
  }
  options.onProgress?.({ stage: 'hash', done: total, total });
  return exhibits.map((e) => judge(e, e.content_sha256 === null ? undefined : hashed.get(e.content_sha256)));
}

/**
 * hashSharedExhibits on a copy of the case at `filePath` (a share's snapshot), opened read-only;
 * `altered` lists the exhibits whose bytes are missing or not what was recorded.
 */
export async function hashExhibitsInCopy(
  filePath: string,
  options: { onProgress?: (progress: ShareProgress) => void; signal?: AbortSignal },
): Promise<{ exhibits: SharedExhibitBytes[]; altered: SharedExhibitBytes[] }> {
  const db = openDatabase(filePath, { readonly: true });
  try {
    const exhibits = await hashSharedExhibits(db, options);
    return { exhibits, altered: exhibits.filter((e) => e.result === 'mismatch' || e.result === 'failed') };
  } finally {
    db.close();
  }
}

function judge(exhibit: ExhibitRow, stored: { sha256: string; bytes: number } | null | undefined): SharedExhibitBytes {
  const base = { id: exhibit.id, label: exhibit.exhibit_label, recorded: exhibit.sha256 };
  if (stored === undefined) {
    return { ...base, hashSeen: null, result: 'n/a', finding: `${exhibit.exhibit_label} has no stored bytes in the case file (a record only); nothing was hashed.` };
  }
  if (stored === null) {
    return { ...base, hashSeen: null, result: 'failed', finding: `${exhibit.exhibit_label}: its stored bytes are missing from the case file.` };
  }
  const differences: string[] = [];
  if (stored.sha256 !== exhibit.sha256) differences.push(`SHA-256 is ${stored.sha256}, recorded ${exhibit.sha256 ?? 'none'}`);
  if (stored.sha256 !== exhibit.content_sha256) differences.push(`content address is ${exhibit.content_sha256}`);
  if (exhibit.size_bytes !== null && stored.bytes !== exhibit.size_bytes) differences.push(`size is ${stored.bytes} bytes, recorded ${exhibit.size_bytes}`);
  if (differences.length > 0) {
    return { ...base, hashSeen: stored.sha256, result: 'mismatch', finding: `${exhibit.exhibit_label}: its stored bytes do not match what was recorded at import (${differences.join('; ')}).` };
  }
  return { ...base, hashSeen: stored.sha256, result: 'ok', finding: `${exhibit.exhibit_label}: ${stored.bytes} bytes re-hashed, SHA-256 as recorded at import.` };
}
