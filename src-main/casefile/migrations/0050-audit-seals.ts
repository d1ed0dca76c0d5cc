import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../canonicalJson';
import { nowIso } from '../ids';
import { type RecordSeal, SEALED_TABLES, sealRow, sealSetDigest } from '../recordDigest';
import type { Migration } from './Migration';

/** Records sealed per baseline entry: one entry per record would make the upgrade of a large case slow. */
const BASELINE_BATCH = 5000;

/**
 * The audit chain covers content. Each audit entry may carry `seal_digest`, the digest of the
 * records it seals (src-main/casefile/recordDigest.ts); the seals themselves (record, version,
 * SHA-256 of the record's canonical JSON, per-field check digits) are in audit_seal. An entry's
 * hash covers seal_digest, so an edit behind the app's back to a record, to a seal or to an entry
 * shows in `dossier check`.
 *
 * Existing records get a baseline: entries "baseline at upgrade" on a chain of their own
 * (`upgrade-v5-<random>`) sealing every row of the sealed tables as it stands now. The hash
 * below repeats src-main/audit/appendAudit.ts hashAuditEntry (frozen here like the migration).
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
    writeBaseline(db);
  },
};

function writeBaseline(db: Database.Database): void {
  const chain = `upgrade-v5-${randomBytes(4).toString('hex')}`;
  const at = nowIso();
  const insertEntry = db.prepare(
    `INSERT INTO audit_entry (chain, seq, at, actor, action, record_kind, record_id, detail, prev_hash, hash, seal_digest)
     VALUES (@chain, @seq, @at, @actor, @action, @record_kind, @record_id, @detail, @prev_hash, @hash, @seal_digest)`,
  );
  const insertSeal = db.prepare(
    `INSERT INTO audit_seal (chain, seq, record_table, record_id, record_hlc, digest, field_digests)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = 0;
  let prevHash = '0'.repeat(64);
  const flush = (table: string, seals: RecordSeal[]) => {
    seq += 1;
    const entry = {
      chain, seq, at, actor: 'Dossier schema upgrade', action: 'audit.baseline', record_kind: null, record_id: null,
      detail: canonicalJson({ reason: 'baseline at upgrade', table, records: seals.length }),
      prev_hash: prevHash, seal_digest: sealSetDigest(seals),
    };
    const hash = createHash('sha256').update(canonicalJson(entry)).digest('hex');
    insertEntry.run({ ...entry, hash });
    for (const s of seals) insertSeal.run(chain, seq, s.record_table, s.record_id, s.record_hlc, s.digest, s.field_digests);
    prevHash = hash;
  };
  for (const table of SEALED_TABLES) {
    let batch: RecordSeal[] = [];
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>) {
      batch.push(sealRow(table, row));
      if (batch.length === BASELINE_BATCH) {
        flush(table, batch);
        batch = [];
      }
    }
    if (batch.length > 0) flush(table, batch);
  }
}
