import type { CaseFile } from '../casefile/CaseFile';
import { DossierError } from '../contract/errors';
import type { Evidence } from '../contract/records';

/**
 * Refuses exhibits that share a number (a merge can bring two exhibits numbered 1 together): a
 * packet must tell them apart. Names both and the command that fixes it.
 */
export function requireDistinctExhibitNumbers(caseFile: CaseFile, exhibits: readonly Evidence[]): void {
  const byNumber = new Map<number, Evidence>();
  const free = Math.max(0, ...exhibits.map((e) => e.exhibit_number)) + 1;
  for (const exhibit of exhibits) {
    const first = byNumber.get(exhibit.exhibit_number);
    if (!first) {
      byNumber.set(exhibit.exhibit_number, exhibit);
      continue;
    }
    throw new DossierError(
      'EXHIBIT_NUMBER_TAKEN',
      `Exhibits "${first.title}" (${first.id}) and "${exhibit.title}" (${exhibit.id}) are both number ${exhibit.exhibit_number}; ` +
        `renumber one before exporting a packet: dossier evidence renumber ${caseFile.path} ${exhibit.id} ${free} (or dossier conflicts resolve).`,
      { exhibitNumber: exhibit.exhibit_number, exhibits: [first.id, exhibit.id] },
    );
  }
}
