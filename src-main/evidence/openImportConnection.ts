import type { CaseFile } from '../casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../casefile/openCaseFile';
import { writableDb } from '../casefile/openDatabase';
import { DossierError } from '../contract/errors';

/**
 * A second connection to the same case file, used only by one import.
 *
 * Importing a large file keeps one transaction open across many awaits (reads, progress, cancel).
 * On the case's own connection, any other write made meanwhile (a note saved from the UI) would
 * silently join that transaction and vanish with it if the import is cancelled. On its own
 * connection, SQLite's locks keep the two apart: the other write waits, or fails loudly.
 * It shares the case's clock so record stamps stay ordered, and inherits `max_page_count` so a
 * size limit set on the case connection also bounds imports.
 */
export function openImportConnection(caseFile: CaseFile): CaseFile {
  writableDb(caseFile.db, caseFile.path); // READ_ONLY before any work on a read-only case file
  if (caseFile.db.inTransaction) {
    throw new DossierError('INTERNAL', 'Evidence cannot be imported from inside another transaction on the case file.');
  }
  // The shared clock reads the file's newest stamp through the case's connection: now, not inside
  // the import's transaction on the other connection (SQLITE_BUSY once that one spills to disk).
  caseFile.clock.prime();
  const connection = openCaseFile(caseFile.path, { actor: caseFile.actor });
  try {
    const limit = caseFile.db.pragma('max_page_count', { simple: true }) as number;
    connection.db.pragma(`max_page_count = ${Math.trunc(limit)}`);
  } catch (error) {
    closeCaseFile(connection);
    throw error;
  }
  return { ...connection, clock: caseFile.clock };
}
