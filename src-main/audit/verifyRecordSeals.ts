import type Database from 'better-sqlite3';
import { fieldDigests, type RecordSeal, recordDigest, type SealedTable, sealedTablesIn, sealSetDigest, type StoredRow } from '../casefile/recordDigest';

/** Something in the case that its audit chain does not vouch for. */
export interface ContentFinding {
  kind: 'record_changed' | 'record_unaudited' | 'record_missing' | 'seal_altered';
  table: string;
  id: string;
  /** Columns whose value differs from the audited one, where that can be told. */
  fields: string[];
  message: string;
}

export interface ContentVerification {
  ok: boolean;
  recordsChecked: number;
  entriesChecked: number;
  findings: ContentFinding[];
  /** Findings beyond the reported ones (the report keeps the first 1000). */
  moreFindings: number;
}

const MAX_FINDINGS = 1000;

function namedFields(row: Record<string, unknown>, sealed: string): string[] {
  const now = fieldDigests(row);
  const columns = Object.keys(row);
  if (now.length !== sealed.length) return [];
  return columns.filter((_, i) => now.slice(i * 4, i * 4 + 4) !== sealed.slice(i * 4, i * 4 + 4));
}

/** The audit entry (chain, seq) whose seals vouch for a record. */
export interface SealingEntry {
  chain: string;
  seq: number;
}

/**
 * The checks verifyRecordSeals makes, one record or one audit entry at a time, for a caller that
 * checks only some of them (a merge: the records it takes in). Statements are prepared once.
 */
export function recordSealChecks(db: Database.Database): {
  /** A finding when the entry's seal digest (read unless given) does not match the seal rows kept for it. */
  entry: (chain: string, seq: number, sealDigest?: string) => ContentFinding | null;
  /** A finding when the stored row does not match its latest seal; else the entries that seal that state. */
  row: (table: SealedTable, row: StoredRow) => { finding: ContentFinding } | { finding: null; sealedBy: SealingEntry[] };
} {
  const sealsOfEntry = db.prepare('SELECT * FROM audit_seal WHERE chain = ? AND seq = ?');
  const entryDigest = db.prepare('SELECT seal_digest FROM audit_entry WHERE chain = ? AND seq = ?').pluck();
  const latest = db.prepare(
    `SELECT record_hlc, digest, field_digests, chain, seq FROM audit_seal WHERE record_id = ? AND record_table = ?
     AND record_hlc = (SELECT max(record_hlc) FROM audit_seal WHERE record_id = ? AND record_table = ?)`,
  );
  return {
    entry: (chain, seq, known) => {
      const sealDigest = known ?? (entryDigest.get(chain, seq) as string | null | undefined);
      if (sealDigest === undefined || sealDigest === null) {
        return { kind: 'seal_altered', table: 'audit_seal', id: `${chain}#${seq}`, fields: [], message: `Seals name audit entry ${chain} #${seq}, which does not seal anything.` };
      }
      if (sealSetDigest(sealsOfEntry.all(chain, seq) as RecordSeal[]) === sealDigest) return null;
      return { kind: 'seal_altered', table: 'audit_seal', id: `${chain}#${seq}`, fields: [], message: `The records sealed by audit entry ${chain} #${seq} were altered after it was written.` };
    },
    row: (table, row) => {
      const id = String(row.id);
      const seals = latest.all(id, table, id, table) as (SealingEntry & { record_hlc: string; digest: string; field_digests: string })[];
      if (seals.length === 0) {
        return { finding: { kind: 'record_unaudited', table, id, fields: [], message: `${table} ${id} is in the case file but no audit entry ever recorded it: it was added behind the app's back.` } };
      }
      const digest = recordDigest(row);
      const differing = seals.find((s) => s.digest !== digest);
      if (!differing) return { finding: null, sealedBy: seals.map(({ chain, seq }) => ({ chain, seq })) };
      const fields = namedFields(row, differing.field_digests);
      return {
        finding: {
          kind: 'record_changed',
          table,
          id,
          fields,
          message: `${table} ${id} differs from its last audited state${fields.length ? ` (${fields.join(', ')})` : ''}: it was changed behind the app's back.`,
        },
      };
    },
  };
}

/**
 * Checks that the audit chain vouches for every record as it is stored now (schema 5 seals):
 * 1. each entry's seal digest matches the seal rows kept for it (a seal edited or added is found);
 * 2. every row of every sealed table matches its latest seal (highest record version), so an edit
 *    made with sqlite3 or a hex editor, a rollback to an older version, or a row added without
 *    the app is found and named by table, id and, where the per-field check digits tell, field;
 * 3. every sealed record still exists.
 * The chain's own hashes and links are verifyAudit's; run both (dossier check does).
 */
export function verifyRecordSeals(db: Database.Database): ContentVerification {
  const findings: ContentFinding[] = [];
  let moreFindings = 0;
  const report = (finding: ContentFinding) => {
    if (findings.length < MAX_FINDINGS) findings.push(finding);
    else moreFindings += 1;
  };
  let entriesChecked = 0;
  const checks = recordSealChecks(db);
  for (const entry of db.prepare('SELECT chain, seq, seal_digest FROM audit_entry WHERE seal_digest IS NOT NULL').iterate() as IterableIterator<SealingEntry & { seal_digest: string }>) {
    entriesChecked += 1;
    const finding = checks.entry(entry.chain, entry.seq, entry.seal_digest);
    if (finding) report(finding);
  }
  const orphans = db
    .prepare('SELECT s.chain, s.seq FROM audit_seal s LEFT JOIN audit_entry e ON e.chain = s.chain AND e.seq = s.seq WHERE e.seal_digest IS NULL GROUP BY s.chain, s.seq')
    .all() as { chain: string; seq: number }[];
  for (const o of orphans) {
    report({ kind: 'seal_altered', table: 'audit_seal', id: `${o.chain}#${o.seq}`, fields: [], message: `Seals name audit entry ${o.chain} #${o.seq}, which does not seal anything.` });
  }

  let recordsChecked = 0;
  for (const table of sealedTablesIn(db)) {
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<StoredRow>) {
      recordsChecked += 1;
      const { finding } = checks.row(table, row);
      if (finding) report(finding);
    }
    const missing = db
      .prepare(`SELECT DISTINCT s.record_id FROM audit_seal s WHERE s.record_table = ? AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = s.record_id)`)
      .pluck()
      .all(table) as string[];
    for (const id of missing) {
      report({ kind: 'record_missing', table, id, fields: [], message: `${table} ${id} was audited but is gone from the case file: it was deleted behind the app's back.` });
    }
  }
  return { ok: findings.length === 0, recordsChecked, entriesChecked, findings, moreFindings };
}

export type { SealedTable };
