import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { Evidence } from '../contract/records';
import { updateRecord } from '../records/updateRecord';
import { getEvidence } from './evidenceService';
import { evidenceSpec } from './evidenceSpec';
import { indexEvidence } from './evidenceText';

/**
 * Gives an exhibit another number (a clash after a merge, or counsel's order), audited as
 * `evidence.renumber`. A number another live exhibit holds is refused with EXHIBIT_NUMBER_TAKEN
 * (naming it and a free number), so a packet never gets two exhibits with one number. A label
 * that was the default "Exhibit N" follows the number; a label the user chose is left alone.
 */
export function renumberExhibit(caseFile: CaseFile, id: string, exhibitNumber: number): Evidence {
  if (!Number.isSafeInteger(exhibitNumber) || exhibitNumber < 1) {
    throw new DossierError('INVALID_REQUEST', `An exhibit number is a whole number from 1 up; got ${String(exhibitNumber)}.`);
  }
  return writeTransaction(caseFile, () => {
    const current = getEvidence(caseFile, id);
    if (current.exhibit_number === exhibitNumber) return current;
    const holder = prepareCached(caseFile.db, 'SELECT id, exhibit_label, title FROM evidence WHERE exhibit_number = ? AND deleted_at IS NULL AND id <> ?').get(exhibitNumber, id) as
      | { id: string; exhibit_label: string; title: string }
      | undefined;
    if (holder) {
      const free = ((prepareCached(caseFile.db, 'SELECT max(exhibit_number) FROM evidence WHERE deleted_at IS NULL').pluck().get() as number | null) ?? 0) + 1;
      throw new DossierError(
        'EXHIBIT_NUMBER_TAKEN',
        `Exhibit number ${exhibitNumber} is already ${holder.exhibit_label} "${holder.title}" (${holder.id}); choose another number (${free} is free) or renumber that exhibit first.`,
        { exhibitNumber, holder: holder.id, free },
      );
    }
    const patch: Record<string, unknown> = { exhibit_number: exhibitNumber };
    if (current.exhibit_label === `Exhibit ${current.exhibit_number}`) patch.exhibit_label = `Exhibit ${exhibitNumber}`;
    const updated = updateRecord(caseFile, evidenceSpec, id, patch, { auditAction: 'evidence.renumber' });
    indexEvidence(caseFile.db, updated);
    return updated;
  });
}
