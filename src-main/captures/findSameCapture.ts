import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';

/** An exhibit already holding a capture with the same bytes as a file about to be imported. */
export interface SameCapture {
  evidence_id: string;
  exhibit_label: string;
  capture_id: string;
  sha256: string;
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The live exhibit whose capture has exactly the bytes of `file` (same SHA-256), or null. The file
 * is hashed only when some capture in the case has its size, so an ordinary import reads it once.
 */
export async function findSameCapture(db: Database.Database, file: string): Promise<SameCapture | null> {
  const size = fs.statSync(file).size;
  const candidates = db
    .prepare(
      `SELECT c.evidence_id, e.exhibit_label, c.id AS capture_id, c.content_sha256 AS sha256
         FROM capture c JOIN evidence e ON e.id = c.evidence_id JOIN evidence_content ec ON ec.sha256 = c.content_sha256
        WHERE ec.size_bytes = ? AND e.deleted_at IS NULL
        ORDER BY e.exhibit_number`,
    )
    .all(size) as SameCapture[];
  if (candidates.length === 0) return null;
  const sha256 = await fileSha256(file);
  return candidates.find((c) => c.sha256 === sha256) ?? null;
}
