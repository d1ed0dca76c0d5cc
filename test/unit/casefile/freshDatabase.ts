import Database from 'better-sqlite3';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { migrate } from '../../../src-main/casefile/migrate';
import { MIGRATIONS } from '../../../src-main/casefile/migrations/index';

/** A new case database made by the migrations up to schema `upTo` only: a file as an older version left it. */
export function freshDatabase(file: string, upTo: number): Database.Database {
  const db = new Database(file);
  db.pragma('page_size = 65536');
  db.pragma('journal_mode = DELETE');
  db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
  migrate(db, file, MIGRATIONS.filter((m) => m.version <= upTo));
  return db;
}
