import type Database from 'better-sqlite3';
import { verifyFieldStamps } from './verifyFieldStamps';
import { verifyHistorySeals } from './verifyHistorySeals';
import { verifyPacketExports } from './verifyPacketExports';
import { changedFields, conflictSealedTablesIn, filingSealedTablesIn, type RecordSeal, recordDigest, type SealedTable, sealedTablesIn, sealSetDigest, type StoredRow } from '../casefile/recordDigest';

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
  /** Old versions in record_history that an entry sealed, compared with that seal (the others are versionsUnsealed, not counted here). */
  versionsChecked: number;
  /** Old versions no audit entry sealed on their own (verifyHistorySeals): they cannot be verified. */
  versionsUnsealed: number;
  /** Packet exports checked against the audit entries that recorded them (verifyPacketExports). */
  packetsChecked: number;
}

const MAX_FINDINGS = 1000;

/**
 * Checks that the audit chain vouches for every record as it is stored now (schema 5 seals):
 * 1. each entry's seal digest matches the seal rows kept for it (a seal edited or added is found);
 * 2. every row of every sealed table matches its latest seal (highest record version), so an edit
 *    made with sqlite3 or a hex editor, a rollback to an older version, or a row added without
 *    the app is found and named by table, id and, where the per-field check digits tell, field;
 * 3. every sealed record still exists;
 * 4. every old version kept in record_history matches the seal written when it was current, and
 *    every sealed version no longer current is still kept there;
 * 5. every field merge stamp names a sealed version of its record, no later than its current one,
 *    and the fields the current version's own edit set have theirs (missingFieldStamps);
 * 6. every packet export and where its exhibits landed match the audit entry and custody events
 *    that recorded the export (verifyPacketExports).
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
  for (const table of [...sealedTablesIn(db), ...filingSealedTablesIn(db), ...conflictSealedTablesIn(db)]) recordsChecked += verifyTableSeals(db, table, report);
  // Events are never superseded, and productions, the caption and conflict rows keep no old
  // versions: only record tables do.
  const versioned = sealedTablesIn(db).filter((t) => t !== 'custody_event' && t !== 'website_status_event');
  const history = verifyHistorySeals(db, versioned, report);
  verifyFieldStamps(db, sealedTablesIn(db), report);
  const packetsChecked = verifyPacketExports(db, report);
  return { ok: findings.length === 0, recordsChecked, entriesChecked, findings, moreFindings, versionsChecked: history.versionsChecked, versionsUnsealed: history.unsealed, packetsChecked };
}

/** The audit entry (chain, seq) whose seals vouch for a record. */
export interface SealingEntry {
  chain: string;
  seq: number;
}

type LatestSeal = SealingEntry & { record_hlc: string; digest: string; field_digests: string };

/** The latest seal of a record: its highest sealed version (several entries may seal it). */
function latestSeals(db: Database.Database): (table: SealedTable, id: string) => LatestSeal[] {
  const latest = db.prepare(
    `SELECT record_hlc, digest, field_digests, chain, seq FROM audit_seal WHERE record_id = ? AND record_table = ?
     AND record_hlc = (SELECT max(record_hlc) FROM audit_seal WHERE record_id = ? AND record_table = ?)`,
  );
  return (table, id) => latest.all(id, table, id, table) as LatestSeal[];
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
  const sealsOf = latestSeals(db);
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
      const finding = rowFinding(sealsOf, table, row);
      return finding ? { finding } : { finding: null, sealedBy: sealsOf(table, String(row.id)).map(({ chain, seq }) => ({ chain, seq })) };
    },
  };
}

/** What is wrong with one stored row of a sealed table against its latest seal; null when it matches. */
function rowFinding(sealsOf: ReturnType<typeof latestSeals>, table: SealedTable, row: Record<string, unknown>): ContentFinding | null {
  const id = String(row.id);
  const seals = sealsOf(table, id);
  if (seals.length === 0) {
    return { kind: 'record_unaudited', table, id, fields: [], message: `${table} ${id} is in the case file but no audit entry ever recorded it: it was added behind the app's back.` };
  }
  const digest = recordDigest(row);
  const differing = seals.find((s) => s.digest !== digest);
  if (!differing) return null;
  const fields = changedFields(row, differing.field_digests);
  return {
    kind: 'record_changed',
    table,
    id,
    fields,
    message: `${table} ${id} differs from its last audited state${fields.length ? ` (${fields.join(', ')})` : ''}: it was changed behind the app's back.`,
  };
}

/**
 * Checks every row of one sealed table against its latest seal, and that every record sealed in
 * it still exists; passes each finding to `report` and returns the rows checked. The filing
 * caption is one row per case whatever copy wrote it (a merge keeps ours and takes their values),
 * so a sealed caption id that is gone is not a deletion.
 */
export function verifyTableSeals(db: Database.Database, table: SealedTable, report: (finding: ContentFinding) => void): number {
  let recordsChecked = 0;
  const sealsOf = latestSeals(db);
  for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>) {
    recordsChecked += 1;
    const finding = rowFinding(sealsOf, table, row);
    if (finding) report(finding);
  }
  if (table === 'filing_caption') return recordsChecked;
  const missing = db
    .prepare(`SELECT DISTINCT s.record_id FROM audit_seal s WHERE s.record_table = ? AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = s.record_id)`)
    .pluck()
    .all(table) as string[];
  for (const id of missing) {
    report({ kind: 'record_missing', table, id, fields: [], message: `${table} ${id} was audited but is gone from the case file: it was deleted behind the app's back.` });
  }
  return recordsChecked;
}

/**
 * One record against its latest seal (a production before it is re-exported): null when it
 * matches or is not there. The seal rows themselves are vouched for by the audit chain
 * (verifyAudit and verifyRecordSeals, which dossier check runs).
 */
export function verifySealedRecord(db: Database.Database, table: SealedTable, id: string): ContentFinding | null {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? rowFinding(latestSeals(db), table, row) : null;
}

export type { SealedTable };
