import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import type { Evidence, Page } from '../contract/records';
import { type EvidenceUpdate, evidenceUpdateSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import { getRecord } from '../records/getRecord';
import { type ListOptions, listRecords } from '../records/listRecords';
import { deleteRecord, updateRecord } from '../records/updateRecord';
import { evidenceSpec } from './evidenceSpec';
import { indexEvidence } from './evidenceText';

/** Next free exhibit number; labels default to "Exhibit N" and stay editable. */
export function nextExhibitNumber(caseFile: CaseFile): number {
  const max = prepareCached(caseFile.db, 'SELECT max(exhibit_number) FROM evidence').pluck().get() as number | null;
  return (max ?? 0) + 1;
}

export function getEvidence(caseFile: CaseFile, id: string, options?: { includeDeleted?: boolean }): Evidence {
  return getRecord(caseFile, evidenceSpec, id, options);
}

export function listEvidence(caseFile: CaseFile, options?: ListOptions): Page<Evidence> {
  return listRecords(caseFile, evidenceSpec, options);
}

/** Metadata edits only: size, hashes and stored bytes never change after import. */
export function updateEvidence(caseFile: CaseFile, id: string, patch: EvidenceUpdate, expectedHlc?: string): Evidence {
  const fields = validate(evidenceUpdateSchema, patch, 'evidence');
  return writeTransaction(caseFile, () => {
    const updated = updateRecord(caseFile, evidenceSpec, id, fields, expectedHlc ? { expectedHlc } : {});
    // updateRecord indexes the metadata only; put the text of the stored bytes back beside it.
    indexEvidence(caseFile.db, updated);
    return updated;
  });
}

/** Tombstones the exhibit record; its stored bytes and custody history are kept (append-only). */
export function deleteEvidence(caseFile: CaseFile, id: string): void {
  deleteRecord(caseFile, evidenceSpec, id);
}
