import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';

/** Puts (or replaces) a record's text in the full-text index. Call inside the record's transaction. */
export function indexForSearch(
  db: Database.Database,
  recordKind: string,
  recordId: string,
  text: { title: string; body: string },
): void {
  const existing = prepareCached(db, 'SELECT rowid FROM search_doc WHERE record_id = ?').pluck().get(recordId) as
    | number
    | undefined;
  let rowid = existing;
  if (rowid === undefined) {
    rowid = Number(prepareCached(db, 'INSERT INTO search_doc (record_kind, record_id) VALUES (?, ?)').run(recordKind, recordId).lastInsertRowid);
  } else {
    prepareCached(db, 'DELETE FROM search_fts WHERE rowid = ?').run(rowid);
  }
  prepareCached(db, 'INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, text.title, text.body);
}

/** Removes a record from the index (soft delete: the record no longer shows in search). */
export function removeFromSearch(db: Database.Database, recordId: string): void {
  const rowid = prepareCached(db, 'SELECT rowid FROM search_doc WHERE record_id = ?').pluck().get(recordId) as number | undefined;
  if (rowid === undefined) return;
  prepareCached(db, 'DELETE FROM search_fts WHERE rowid = ?').run(rowid);
  prepareCached(db, 'DELETE FROM search_doc WHERE rowid = ?').run(rowid);
}
