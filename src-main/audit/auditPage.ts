import type Database from 'better-sqlite3';
import type { AuditPageEntry } from '../contract/DossierApi';
import { DossierError } from '../contract/errors';
import type { Page } from '../contract/records';

/** The audit log newest first, by keyset on (at, chain, seq). */
export function auditPage(db: Database.Database, options: { after?: string | null; limit?: number } = {}): Page<AuditPageEntry> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const params: unknown[] = [];
  let where = '';
  if (options.after) {
    let cursor: unknown;
    try {
      cursor = JSON.parse(Buffer.from(options.after, 'base64url').toString('utf8'));
    } catch {
      cursor = null;
    }
    if (!Array.isArray(cursor) || cursor.length !== 3) throw new DossierError('INVALID_REQUEST', 'The audit cursor is not valid.');
    where = 'WHERE (at, chain, seq) < (?, ?, ?)';
    params.push(...cursor);
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
  return { items, next: more && last ? Buffer.from(JSON.stringify([last.at, last.chain, last.seq])).toString('base64url') : null };
}
