import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Productions: each filing packet export is a production with its Bates prefix, padding and range,
 * its exhibits in order, its cut-off time and everything its pages state (`frozen_input`, the packet
 * engine's input as JSON without the exhibit bytes, which stay content-addressed in the vault).
 * Re-exporting a production renders that frozen input again, so it gives the same bytes whatever
 * happened to the case since. Drafts are recorded too but never consume Bates numbers (the next
 * production continues after the last non-draft one of the same prefix). Append-only: a production
 * that was filed is a fact of the case. src-main/packet/productions.ts depends on these rules.
 * Also the case's filing caption (court, judge, parties, counsel) that covers and declarations carry.
 */
export const productions: Migration = {
  version: 9,
  name: 'productions',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE production (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    cutoff_at TEXT NOT NULL,
    draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
    bates_prefix TEXT NOT NULL CHECK (length(bates_prefix) <= 20),
    bates_padding INTEGER NOT NULL CHECK (bates_padding BETWEEN 1 AND 12),
    bates_first INTEGER NOT NULL CHECK (bates_first >= 0),
    bates_last INTEGER NOT NULL CHECK (bates_last >= bates_first),
    exhibit_ids TEXT NOT NULL CHECK (json_valid(exhibit_ids) AND json_type(exhibit_ids) = 'array'),
    frozen_input TEXT NOT NULL CHECK (json_valid(frozen_input) AND json_type(frozen_input) = 'object'),
    forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
    hlc TEXT NOT NULL
  ) STRICT;
  CREATE INDEX production_by_prefix ON production(bates_prefix, draft, bates_last);
  CREATE TRIGGER production_no_update BEFORE UPDATE ON production
    BEGIN SELECT RAISE(ABORT, 'production is append-only'); END;
  CREATE TRIGGER production_no_delete BEFORE DELETE ON production
    BEGIN SELECT RAISE(ABORT, 'production is append-only'); END;

  -- The caption and signature block of the case's filings: court, judge, parties, counsel. One
  -- row per case (src-main/packet/filingCaption.ts validates the JSON lists).
  CREATE TABLE filing_caption (
    id TEXT PRIMARY KEY,
    court TEXT CHECK (court IS NULL OR length(court) BETWEEN 1 AND 300),
    judge TEXT CHECK (judge IS NULL OR length(judge) BETWEEN 1 AND 200),
    judge_initials TEXT CHECK (judge_initials IS NULL OR length(judge_initials) BETWEEN 1 AND 10),
    parties TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(parties) AND json_type(parties) = 'array'),
    counsel TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(counsel) AND json_type(counsel) = 'array'),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    hlc TEXT NOT NULL
  ) STRICT;
`);
  },
};
