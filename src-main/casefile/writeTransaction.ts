import type { CaseFile } from './CaseFile';

/**
 * Runs `work` in one IMMEDIATE transaction: it commits whole or not at all, and takes the write
 * lock up front so a second writer waits instead of failing halfway. Nested calls join the outer one.
 */
export function writeTransaction<T>(caseFile: CaseFile, work: () => T): T {
  if (caseFile.db.inTransaction) return work();
  return caseFile.db.transaction(work).immediate();
}
