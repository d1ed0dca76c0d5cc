import type Database from 'better-sqlite3';

/** A row whose foreign key points at a record that is not there (PRAGMA foreign_key_check). */
export interface DanglingReference {
  table: string;
  rowid: number;
  parent: string;
  message: string;
}

/**
 * Every reference that points at a missing record, in the words `dossier check` and a receipt
 * use. SQLite only enforces foreign keys on connections that ask; a file edited with sqlite3 need not.
 */
export function danglingReferences(db: Database.Database): DanglingReference[] {
  const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return orphans.map((o) => ({ ...o, message: `A row of ${o.table} (rowid ${o.rowid}) points at a missing ${o.parent}.` }));
}
