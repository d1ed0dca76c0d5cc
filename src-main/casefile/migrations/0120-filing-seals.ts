import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../canonicalJson';
import { nowIso } from '../ids';
import { type RecordSeal, sealRow, sealSetDigest } from '../recordDigest';
import type { Migration } from './Migration';

/** Records sealed per baseline entry, as 0050 does. */
const BASELINE_BATCH = 5000;

/**
 * Productions and the filing caption are sealed like records (recordDigest FILING_SEALED_TABLES):
 * the audit entry that writes one (packet.export, caption.update, case.merge) seals the row, so
 * `dossier check` finds a production's frozen input or Bates range, or the caption's court, judge,
 * parties or counsel, edited behind the app's back, and names the field.
 *
 * No schema change. Rows already there get a baseline, as 0050 gave the records: entries
 * "baseline at upgrade" on a chain of their own (`upgrade-v12-<random>`) sealing them as they
 * stand now. An edit made to them before this upgrade cannot be told from the original (nothing
 * recorded their content before); README says so. The hash below repeats src-main/audit/
 * appendAudit.ts hashAuditEntry (frozen here like the migration). The table names are written
 * out, not taken from recordDigest's list, so the migration stays as it landed.
 */
export const filingSeals: Migration = {
  version: 12,
  name: 'filing-seals',
  up(db: Database.Database): void {
    const chain = `upgrade-v12-${randomBytes(4).toString('hex')}`;
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
    for (const table of ['production', 'filing_caption'] as const) {
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
  },
};
