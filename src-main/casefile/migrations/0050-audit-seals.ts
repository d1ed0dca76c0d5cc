import type Database from 'better-sqlite3';
import { SEALED_TABLES } from '../recordDigest';
import { writeBaselineSeals } from './baselineSeals';
import type { Migration } from './Migration';

/**
 * The audit chain covers content. Each audit entry may carry `seal_digest`, the digest of the
 * records it seals (src-main/casefile/recordDigest.ts); the seals themselves (record, version,
 * SHA-256 of the record's canonical JSON, per-field check digits) are in audit_seal. An entry's
 * hash covers seal_digest, so an edit behind the app's back to a record, to a seal or to an entry
 * shows in `dossier check`.
 *
 * Existing records get a baseline: entries "baseline at upgrade" on a chain of their own
 * (`upgrade-v5-<random>`) sealing every row of the sealed tables as it stands now
 * (baselineSeals.ts).
 */
export const auditSeals: Migration = {
  version: 5,
  name: 'audit-seals',
  up(db: Database.Database): void {
    db.exec(`
  ALTER TABLE audit_entry ADD COLUMN seal_digest TEXT CHECK (seal_digest IS NULL OR length(seal_digest) = 64);

  CREATE TABLE audit_seal (
    chain TEXT NOT NULL,
    seq INTEGER NOT NULL,
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    record_hlc TEXT NOT NULL,
    digest TEXT NOT NULL CHECK (length(digest) = 64),
    field_digests TEXT NOT NULL,
    PRIMARY KEY (record_id, record_hlc, chain, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX audit_seal_by_entry ON audit_seal(chain, seq);
  CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
    BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;
  CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
    BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;
`);
    writeBaselineSeals(db, 5, SEALED_TABLES);
  },
};
