import { createHash } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import { columnsOf } from './mergeMutableTable';

/** Unions an append-only table by primary key: rows the target lacks are copied, nothing else moves. */
export function unionByPrimaryKey(target: CaseFile, other: Database.Database, table: string, key: readonly string[]): number {
  const columns = columnsOf(target.db, table);
  const exists = prepareCached(target.db, `SELECT 1 FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`);
  const insert = prepareCached(target.db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  let added = 0;
  for (const row of other.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>) {
    if (exists.get(...key.map((k) => row[k]))) continue;
    insert.run(...columns.map((c) => row[c]));
    added += 1;
  }
  return added;
}

/** Superseded versions from both sides; (record, hlc) identifies a version. */
export function unionHistory(target: CaseFile, other: Database.Database): number {
  return unionByPrimaryKey(target, other, 'record_history', ['record_id', 'hlc']);
}

/**
 * Each device's audit chain is copied entry by entry. The same (chain, seq) with another hash means
 * one of the copies was altered or forked: the merge is refused rather than mixing histories.
 */
export function unionAudit(target: CaseFile, other: Database.Database, otherPath: string): number {
  const local = prepareCached(target.db, 'SELECT hash FROM audit_entry WHERE chain = ? AND seq = ?').pluck();
  const columns = columnsOf(target.db, 'audit_entry');
  const insert = prepareCached(target.db, `INSERT INTO audit_entry (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  let added = 0;
  for (const row of other.prepare(`SELECT ${columns.join(', ')} FROM audit_entry ORDER BY chain, seq`).iterate() as IterableIterator<Record<string, unknown>>) {
    const hash = local.get(row.chain, row.seq) as string | undefined;
    if (hash === row.hash) continue;
    if (hash !== undefined) {
      // A copy restored from a backup and written on forks its own chain; it can only be settled
      // on that copy (merge/restoredChain), which moves what it wrote since onto a new chain.
      throw new DossierError(
        'AUDIT_CHAIN_BROKEN',
        `The audit logs disagree at chain ${String(row.chain)} entry ${String(row.seq)}: ${path.basename(otherPath)} holds another entry there than this copy. ` +
          `Either one copy was altered, or the copy that writes chain ${String(row.chain)} was restored from a backup and written on. ` +
          `In that case merge ${target.path} into ${otherPath} first (that copy then continues on a new chain), then merge back. Nothing was merged.`,
      );
    }
    insert.run(...columns.map((c) => row[c]));
    added += 1;
  }
  return added;
}

/** Evidence bytes the target lacks, copied chunk by chunk (never a whole file in memory). */
export function copyEvidenceContents(target: CaseFile, other: Database.Database): number {
  const has = prepareCached(target.db, 'SELECT 1 FROM evidence_content WHERE sha256 = ?');
  const contentColumns = columnsOf(target.db, 'evidence_content');
  const insertContent = prepareCached(target.db, `INSERT INTO evidence_content (${contentColumns.join(', ')}) VALUES (${contentColumns.map(() => '?').join(', ')})`);
  const insertChunk = prepareCached(target.db, 'INSERT INTO evidence_chunk (content_sha256, seq, data) VALUES (?, ?, ?)');
  const chunks = other.prepare('SELECT seq, data FROM evidence_chunk WHERE content_sha256 = ? ORDER BY seq');
  let copied = 0;
  for (const content of other.prepare(`SELECT ${contentColumns.join(', ')} FROM evidence_content`).iterate() as IterableIterator<Record<string, unknown>>) {
    if (has.get(content.sha256)) continue;
    insertContent.run(...contentColumns.map((c) => content[c]));
    // Bytes are re-hashed on the way in: a copy whose stored evidence no longer matches its
    // recorded SHA-256 must not spread to other copies.
    const hash = createHash('sha256');
    for (const chunk of chunks.iterate(content.sha256) as IterableIterator<{ seq: number; data: Buffer }>) {
      hash.update(chunk.data);
      insertChunk.run(content.sha256, chunk.seq, chunk.data);
    }
    if (hash.digest('hex') !== content.sha256) {
      throw new DossierError('EVIDENCE_HASH_MISMATCH', `Evidence bytes ${String(content.sha256)} in the other copy do not match their SHA-256. Nothing was merged.`);
    }
    copied += 1;
  }
  return copied;
}
