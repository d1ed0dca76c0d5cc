import type { CaseFile } from './CaseFile';
import type { RestoredChain } from './replicaChain';

/*
 * A restored copy is found when its chain is first needed, which is inside the first audited
 * write; the audit log (audit/appendAudit, above this folder) takes the note from here and records
 * it before that write's own entry.
 */
const notes = new WeakMap<CaseFile, RestoredChain>();

export function noteRestoredChain(caseFile: CaseFile, restored: RestoredChain): void {
  notes.set(caseFile, restored);
}

/** The restore found for this open case file, once (the caller records it). */
export function takeRestoredChain(caseFile: CaseFile): RestoredChain | null {
  const note = notes.get(caseFile) ?? null;
  notes.delete(caseFile);
  return note;
}
