import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../canonicalJson';
import { nowIso } from '../ids';
import { type RecordSeal, type SealedTable, sealRow, sealSetDigest } from '../recordDigest';

/** Records sealed per baseline entry: one entry per record would make the upgrade of a large case slow. */
const BASELINE_BATCH = 5000;

/**
 * A migration's baseline: entries "baseline at upgrade" on a chain of their own
 * (`upgrade-v<version>-<random>`) sealing every row of `tables` as it stands now, 5,000 rows an
 * entry. The entry hash repeats src-main/audit/appendAudit.ts hashAuditEntry, frozen here with the
 * migrations that use it (0050, 0120): what they wrote must verify whatever appendAudit becomes.
 */
export function writeBaselineSeals(db: Database.Database, version: number, tables: readonly SealedTable[]): void {
  const chain = `upgrade-v${version}-${randomBytes(4).toString('hex')}`;
  const at = nowIso();
  const insertEntry = db.prepare(
    `INSERT INTO audit_entry (chain, seq, at, actor, action, record_kind, record_id, detail, prev_hash, hash, seal_digest)
     VALUES (@chain, @seq, @at, @actor, @action, @record_kind, @record_id, @detail, @prev_hash, @hash, @seal_digest)`,
  );
  const insertSeal = db.prepare('INSERT INTO audit_seal (chain, seq, record_table, record_id, record_hlc, digest, field_digests) VALUES (?, ?, ?, ?, ?, ?, ?)');
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
  for (const table of tables) {
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
