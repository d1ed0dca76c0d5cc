import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Web captures (WARC, WACZ, HAR, MHTML) parsed from an exhibit's stored bytes.
 *
 * A capture belongs to one exhibit; its records and pages are facts read from the stored bytes at
 * import and never change (append-only). Only the capture's import status moves, from 'importing'
 * to 'complete' or 'partial', so an import that stopped halfway never looks complete. Offsets point
 * into the stored exhibit: the record's bytes are [offset, offset + length) of the exhibit, or of
 * the archive member starting at member_offset (WACZ). src-main/captures/ depends on these rules.
 */
export const webCaptures: Migration = {
  version: 7,
  name: 'web-captures',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE capture (
    id TEXT PRIMARY KEY,
    evidence_id TEXT NOT NULL REFERENCES evidence(id),
    content_sha256 TEXT NOT NULL REFERENCES evidence_content(sha256),
    format TEXT NOT NULL CHECK (format IN ('warc','warc.gz','wacz','har','mhtml')),
    import_status TEXT NOT NULL CHECK (import_status IN ('importing','complete','partial')),
    record_count INTEGER NOT NULL DEFAULT 0 CHECK (record_count >= 0),
    page_count INTEGER NOT NULL DEFAULT 0 CHECK (page_count >= 0),
    problems TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(problems) AND json_type(problems) = 'array'),
    tool TEXT,
    capture_info TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(capture_info)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    hlc TEXT NOT NULL
  ) STRICT;
  CREATE INDEX capture_by_evidence ON capture(evidence_id);
  CREATE TRIGGER capture_no_delete BEFORE DELETE ON capture
    BEGIN SELECT RAISE(ABORT, 'capture is append-only'); END;
  CREATE TRIGGER capture_status_only BEFORE UPDATE ON capture
    WHEN OLD.import_status <> 'importing' OR NEW.id <> OLD.id OR NEW.evidence_id <> OLD.evidence_id
      OR NEW.content_sha256 <> OLD.content_sha256 OR NEW.format <> OLD.format
    BEGIN SELECT RAISE(ABORT, 'a capture changes only while it is importing'); END;

  CREATE TABLE capture_record (
    id TEXT PRIMARY KEY,
    capture_id TEXT NOT NULL REFERENCES capture(id),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    record_id TEXT NOT NULL,
    record_type TEXT NOT NULL,
    target_uri TEXT,
    captured_at TEXT,
    ip TEXT,
    content_type TEXT,
    http_status INTEGER,
    member TEXT,
    member_offset INTEGER,
    member_method INTEGER CHECK (member_method IS NULL OR member_method IN (0, 8)),
    offset INTEGER,
    length INTEGER,
    block_sha256 TEXT CHECK (block_sha256 IS NULL OR length(block_sha256) = 64),
    payload_sha1 TEXT CHECK (payload_sha1 IS NULL OR length(payload_sha1) = 40),
    payload_sha256 TEXT CHECK (payload_sha256 IS NULL OR length(payload_sha256) = 64),
    payload_length INTEGER,
    declared_block_digest TEXT,
    declared_payload_digest TEXT,
    digest_status TEXT NOT NULL CHECK (digest_status IN ('verified','computed','mismatch','truncated')),
    problem TEXT,
    UNIQUE (capture_id, seq)
  ) STRICT;
  CREATE INDEX capture_record_by_uri ON capture_record(target_uri, captured_at);
  CREATE TRIGGER capture_record_no_update BEFORE UPDATE ON capture_record
    BEGIN SELECT RAISE(ABORT, 'capture_record is append-only'); END;
  CREATE TRIGGER capture_record_no_delete BEFORE DELETE ON capture_record
    BEGIN SELECT RAISE(ABORT, 'capture_record is append-only'); END;

  CREATE TABLE capture_page (
    id TEXT PRIMARY KEY,
    capture_id TEXT NOT NULL REFERENCES capture(id),
    record_id TEXT REFERENCES capture_record(id),
    url TEXT NOT NULL,
    host TEXT,
    captured_at TEXT,
    title TEXT,
    http_status INTEGER,
    text TEXT NOT NULL DEFAULT '',
    text_truncated INTEGER NOT NULL DEFAULT 0 CHECK (text_truncated IN (0, 1)),
    listed INTEGER NOT NULL DEFAULT 0 CHECK (listed IN (0, 1))
  ) STRICT;
  CREATE INDEX capture_page_by_capture ON capture_page(capture_id, captured_at, id);
  CREATE INDEX capture_page_by_host ON capture_page(host);
  CREATE TRIGGER capture_page_no_update BEFORE UPDATE ON capture_page
    BEGIN SELECT RAISE(ABORT, 'capture_page is append-only'); END;
  CREATE TRIGGER capture_page_no_delete BEFORE DELETE ON capture_page
    BEGIN SELECT RAISE(ABORT, 'capture_page is append-only'); END;
`);
  },
};
