import type Database from 'better-sqlite3';
import type { AuditPageEntry } from '../contract/DossierApi';
import type { Page } from '../contract/records';
import { decodeCursor, encodeCursor } from '../casefile/pageCursor';

/** The audit log newest first, by keyset on (at, chain, seq). */
export function auditPage(db: Database.Database, options: { after?: string | null; limit?: number } = {}): Page<AuditPageEntry> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const params: unknown[] = [];
  let where = '';
  if (options.after) {
    where = 'WHERE (at, chain, seq) < (?, ?, ?)';
    params.push(...decodeCursor(options.after, 3, 'audit'));
  }
  const rows = db
    .prepare(
      `SELECT chain, seq, at, actor, action, record_kind, record_id, hash FROM audit_entry ${where}
       ORDER BY at DESC, chain DESC, seq DESC LIMIT ?`,
    )
    .all(...params, limit + 1) as AuditPageEntry[];
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, next: more && last ? encodeCursor([last.at, last.chain, last.seq]) : null };
}
