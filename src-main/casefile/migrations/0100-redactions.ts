import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Redactions for public filings (Fed. R. Civ. P. 5.2, src-main/redaction/). One row per place in
 * an exhibit to redact: found by a detector or added by a user, with its review decision (status,
 * who, when, why). A mutable record like the others (history, tombstones, HLC, audit seals), so
 * decisions merge: the later decision wins, the other stays in history, two concurrent ones are a
 * conflict. Detected candidates have ids derived from what was found (redaction/candidateId.ts),
 * so two copies that scan the same exhibit find the same rows instead of duplicates.
 *
 * A row is either a text place (value, and span offsets into the exhibit's text or page text) or
 * a box on a page (PDF points or image pixels, from the top-left); the categories and statuses
 * are those of src-main/contract/redaction.ts: change both together.
 */
export const redactions: Migration = {
  version: 10,
  name: 'redactions',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE redaction (
    id TEXT PRIMARY KEY,
    evidence_id TEXT NOT NULL REFERENCES evidence(id),
    source TEXT NOT NULL CHECK (source IN ('detected','manual')),
    category TEXT NOT NULL CHECK (category IN ('ssn','itin','ein','payment_card','iban','account_number','birth_date',
      'minor_name','email','phone','other')),
    rule TEXT CHECK (rule IS NULL OR length(rule) BETWEEN 1 AND 40),
    page INTEGER CHECK (page IS NULL OR page >= 1),
    span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),
    span_end INTEGER CHECK (span_end IS NULL OR span_end > span_start),
    box TEXT CHECK (box IS NULL OR (json_valid(box) AND json_type(box, '$.x') IS NOT NULL AND json_type(box, '$.w') IS NOT NULL)),
    value TEXT CHECK (value IS NULL OR length(value) BETWEEN 1 AND 1000),
    kept TEXT NOT NULL DEFAULT '',
    context TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected')),
    decided_by TEXT,
    decided_at TEXT,
    reason TEXT CHECK (reason IS NULL OR length(reason) <= 2000),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    CHECK (value IS NOT NULL OR box IS NOT NULL),
    CHECK ((status = 'pending') = (decided_at IS NULL))
  ) STRICT;
  CREATE INDEX redaction_by_evidence ON redaction(evidence_id, page, span_start, id);
  CREATE INDEX redaction_by_status ON redaction(status, evidence_id);
`);
  },
};
