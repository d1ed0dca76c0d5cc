import type { CaseFile } from './CaseFile';
import { writableDb } from './openDatabase';

/**
 * Runs `work` in one IMMEDIATE transaction: it commits whole or not at all, and takes the write
 * lock up front so a second writer waits instead of failing halfway. A nested call runs in a
 * savepoint: if it fails, only its own changes are undone and the outer work may go on.
 * On a connection opened read-only it fails with READ_ONLY before anything runs.
 */
export function writeTransaction<T>(caseFile: CaseFile, work: () => T): T {
  const db = writableDb(caseFile.db, caseFile.path);
  // better-sqlite3 turns a transaction begun inside another into SAVEPOINT / RELEASE.
  return db.transaction(work).immediate();
}
