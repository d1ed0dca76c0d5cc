import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Filing packets as exported: which file (hash), with which options, and where each exhibit landed
 * (Bates range). Append-only: a packet that was filed is a fact of the case.
 */
export const packetExports: Migration = {
  version: 4,
  name: 'packet-exports',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE packet_export (
    id TEXT PRIMARY KEY,
    exported_at TEXT NOT NULL,
    exported_by TEXT NOT NULL,
    file_name TEXT NOT NULL,
    volumes TEXT NOT NULL CHECK (json_valid(volumes) AND json_type(volumes) = 'array'),
    options TEXT NOT NULL CHECK (json_valid(options)),
    bates_first TEXT NOT NULL,
    bates_last TEXT NOT NULL,
    total_pages INTEGER NOT NULL CHECK (total_pages > 0),
    case_file_sha256 TEXT NOT NULL CHECK (length(case_file_sha256) = 64),
    hlc TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER packet_export_no_update BEFORE UPDATE ON packet_export
    BEGIN SELECT RAISE(ABORT, 'packet_export is append-only'); END;
  CREATE TRIGGER packet_export_no_delete BEFORE DELETE ON packet_export
    BEGIN SELECT RAISE(ABORT, 'packet_export is append-only'); END;

  CREATE TABLE packet_exhibit (
    packet_id TEXT NOT NULL REFERENCES packet_export(id),
    evidence_id TEXT NOT NULL REFERENCES evidence(id),
    exhibit_label TEXT NOT NULL,
    volume INTEGER NOT NULL CHECK (volume >= 1),
    bates_first TEXT NOT NULL,
    bates_last TEXT NOT NULL,
    rendering TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (packet_id, evidence_id)
  ) STRICT;
  CREATE INDEX packet_exhibit_by_evidence ON packet_exhibit(evidence_id);
  CREATE TRIGGER packet_exhibit_no_update BEFORE UPDATE ON packet_exhibit
    BEGIN SELECT RAISE(ABORT, 'packet_exhibit is append-only'); END;
  CREATE TRIGGER packet_exhibit_no_delete BEFORE DELETE ON packet_exhibit
    BEGIN SELECT RAISE(ABORT, 'packet_exhibit is append-only'); END;
`);
  },
};
