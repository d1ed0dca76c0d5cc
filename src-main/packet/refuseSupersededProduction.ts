import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import { batesSideWords } from './batesSideWords';

interface ResolvedOverlap {
  id: string;
  resolved_by: string;
  resolved_at: string;
  keeps: string;
  record_id: string;
  kept_prefix: string;
  kept_range: string;
  lost_prefix: string;
  lost_range: string;
}

/**
 * A production that lost a Bates overlap (two copies numbered the same pages; someone chose the
 * other one to keep the numbers) is to be re-issued as a new production. Re-exporting it under its
 * frozen numbers would print pages whose numbers now belong to the other production: refused,
 * naming the choice. The production that kept them re-exports as before.
 */
export function refuseSupersededProduction(caseFile: CaseFile, productionId: string): void {
  const lost = prepareCached(
    caseFile.db,
    `SELECT id, resolved_by, resolved_at, json_extract(resolved_value, '$.keeps') AS keeps, record_id,
            json_extract(kept_value, '$.bates_prefix') AS kept_prefix, json_extract(kept_value, '$.bates_range') AS kept_range,
            json_extract(lost_value, '$.bates_prefix') AS lost_prefix, json_extract(lost_value, '$.bates_range') AS lost_range
       FROM merge_conflict
      WHERE kind = 'bates_overlap' AND resolution IS NOT NULL AND json_extract(resolved_value, '$.reissue') = ? LIMIT 1`,
  ).get(productionId) as ResolvedOverlap | undefined;
  if (!lost) return;
  // The conflict row keeps the production with the smaller id first (merge/productionOverlaps).
  const side = (id: string) =>
    batesSideWords(id === lost.record_id ? { id, prefix: lost.kept_prefix, range: lost.kept_range } : { id, prefix: lost.lost_prefix, range: lost.lost_range });
  throw new DossierError(
    'INVALID_REQUEST',
    `Production ${productionId} gave up its Bates numbers to production ${lost.keeps} when ${lost.resolved_by} resolved conflict ${lost.id} on ${lost.resolved_at} ` +
      `(the two print the same labels: ${side(productionId)} and ${side(lost.keeps)}): ` +
      'its pages may not be exported again under those numbers. To file it, export it as a new production (its numbers then continue after the last one used).',
  );
}
