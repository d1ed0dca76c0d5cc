import type { CaseFile } from '../casefile/CaseFile';
import { verifySealedRecord } from '../audit/verifyRecordSeals';
import { filingSealedTablesIn } from '../casefile/recordDigest';
import { DossierError } from '../contract/errors';

/**
 * Refuses to re-export a production whose row differs from what its audit entry sealed (schema
 * 12): its frozen input or Bates range was edited behind the app's back, and rendering it again
 * would print under the filed Bates numbers what was never filed. No --force: a re-export must
 * give the filed bytes or nothing.
 */
export function refuseAlteredProduction(caseFile: CaseFile, productionId: string): void {
  if (!filingSealedTablesIn(caseFile.db).includes('production')) return;
  const finding = verifySealedRecord(caseFile.db, 'production', productionId);
  if (!finding) return;
  const what = finding.kind === 'record_unaudited' ? 'no audit entry ever recorded it (it was added behind the app\'s back)' : `it differs from what its audit entry sealed${finding.fields.length ? ` (${finding.fields.join(', ')})` : ''}: it was changed behind the app's back`;
  throw new DossierError(
    'CASE_CHECK_FAILED',
    `Refusing to re-export production ${productionId}: ${what}, so its pages would not be the ones filed. Run "dossier check ${caseFile.path}" and restore the case file from a backup or a teammate's copy.`,
    { failed: ['content'] },
  );
}
