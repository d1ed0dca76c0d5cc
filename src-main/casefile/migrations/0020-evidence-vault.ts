import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * The evidence vault's storage rules.
 *
 * An exhibit's bytes are stored while the file streams, but its content address (SHA-256) is known
 * only after the last byte. Chunks are therefore written under a provisional key ("pending-" + 56
 * hex digits: exactly as long as a SHA-256, so SQLite re-keys each row in place without rewriting
 * its MiB of data; measured ~0.2 s per GiB) and re-keyed to the real address in the same
 * transaction. The rules below keep that the only change chunks ever see:
 * - a chunk row may be updated only from a pending key to a real content address, seq unchanged;
 * - a content address must be 64 lowercase hex digits, so no evidence_content row can ever carry a
 *   pending key, and a pending chunk (whose foreign key can then never be satisfied) can never be
 *   committed.
 * See src-main/evidence/storeEvidenceBytes.ts, which depends on this.
 *
 * evidence_text keeps the text extracted from stored bytes for search, per content: editing an
 * exhibit's metadata re-indexes it without re-reading (or re-parsing) the bytes, and a duplicate
 * import reuses it. It is derived data (re-extractable), so it is not append-only.
 */
export const evidenceVault: Migration = {
  version: 2,
  name: 'evidence-vault',
  up(db: Database.Database): void {
    db.exec(`
  DROP TRIGGER evidence_chunk_no_update;
  CREATE TRIGGER evidence_chunk_no_update BEFORE UPDATE ON evidence_chunk
    WHEN NOT (OLD.content_sha256 GLOB 'pending-*'
      AND length(NEW.content_sha256) = 64 AND NEW.content_sha256 NOT GLOB '*[^0-9a-f]*'
      AND NEW.seq = OLD.seq)
    BEGIN SELECT RAISE(ABORT, 'evidence_chunk is append-only'); END;

  CREATE TRIGGER evidence_chunk_key_form BEFORE INSERT ON evidence_chunk
    WHEN NOT ((length(NEW.content_sha256) = 64 AND NEW.content_sha256 NOT GLOB '*[^0-9a-f]*')
      OR (length(NEW.content_sha256) = 64 AND NEW.content_sha256 GLOB 'pending-*'))
    BEGIN SELECT RAISE(ABORT, 'evidence_chunk.content_sha256 must be a SHA-256 or a pending key'); END;

  CREATE TRIGGER evidence_content_key_form BEFORE INSERT ON evidence_content
    WHEN length(NEW.sha256) <> 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
    BEGIN SELECT RAISE(ABORT, 'evidence_content.sha256 must be 64 lowercase hex digits'); END;

  CREATE TABLE evidence_text (
    content_sha256 TEXT PRIMARY KEY REFERENCES evidence_content(sha256),
    extractor TEXT NOT NULL CHECK (extractor IN ('text','html','mime','pdf','none')),
    text TEXT NOT NULL,
    truncated INTEGER NOT NULL CHECK (truncated IN (0, 1)),
    note TEXT,
    extracted_at TEXT NOT NULL
  ) STRICT;
`);
  },
};
