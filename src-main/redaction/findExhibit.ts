import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { Evidence } from '../contract/records';

/** A live exhibit named as counsel name it: its id, its number ("3") or its label ("Exhibit 3"). */
export function findExhibit(caseFile: CaseFile, ref: string): Evidence {
  const text = ref.trim();
  const row = (prepareCached(
    caseFile.db,
    `SELECT * FROM evidence WHERE deleted_at IS NULL AND (id = @ref OR lower(exhibit_label) = lower(@ref) OR (@num IS NOT NULL AND exhibit_number = @num))
     ORDER BY id = @ref DESC LIMIT 2`,
  ).all({ ref: text, num: /^\d+$/.test(text) ? Number(text) : null }) as Evidence[]);
  if (row.length === 0) throw new DossierError('NOT_FOUND', `No exhibit "${text}" in this case; give its id, number or label (dossier list FILE evidence).`);
  if (row.length > 1 && row[0]!.id !== text) {
    throw new DossierError('INVALID_REQUEST', `"${text}" names more than one exhibit; give the exhibit's id instead.`);
  }
  return row[0]!;
}
