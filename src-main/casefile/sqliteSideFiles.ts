/**
 * The files SQLite keeps beside a database, named by appending to its name: the rollback journal,
 * the write-ahead log and its shared memory. A multi-database commit adds a super-journal
 * (`-mj` and hex digits). SQLite creates and deletes them itself, so nothing of Dossier's may
 * take one of these names, and none may be read as evidence while the case is open.
 */
export const SQLITE_SIDE_SUFFIXES = ['-journal', '-wal', '-shm'] as const;

const SIDE_SUFFIX = /^-(journal|wal|shm|mj[0-9a-f]+)$/i;

/** Whether `suffix` (what follows the database's name) names one of SQLite's side files, in any letter case. */
export function isSqliteSideSuffix(suffix: string): boolean {
  return SIDE_SUFFIX.test(suffix);
}
