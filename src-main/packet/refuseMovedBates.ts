import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { PacketResult } from './PacketResult';

/**
 * A production re-exported must carry the Bates numbers it was filed with. Its frozen input
 * makes that so for one version of Dossier, but a later version may lay pages out differently
 * (a line wrapped elsewhere, an exhibit drawn on one page more), and then every number after that
 * page would move. Compared with the production's first export, exhibit by exhibit (packet_exhibit)
 * and to its last number: any difference refuses the re-export (PRODUCTION_CHANGED), before a file
 * is placed. Identical bytes are not required: a page drawn alike in another way keeps its number.
 */
export function refuseMovedBates(caseFile: CaseFile, productionId: string, result: PacketResult, label: (n: number) => string): void {
  const first = prepareCached(
    caseFile.db,
    "SELECT id, exported_at, bates_last FROM packet_export WHERE json_extract(options, '$.productionId') = ? ORDER BY exported_at, id LIMIT 1",
  ).get(productionId) as { id: string; exported_at: string; bates_last: string } | undefined;
  if (!first) return;
  const filed = new Map(
    (prepareCached(caseFile.db, 'SELECT evidence_id, exhibit_label, bates_first, bates_last FROM packet_exhibit WHERE packet_id = ?').all(first.id) as {
      evidence_id: string;
      exhibit_label: string;
      bates_first: string;
      bates_last: string;
    }[]).map((row) => [row.evidence_id, row]),
  );
  const moved: string[] = [];
  for (const placement of result.exhibits) {
    const before = filed.get(placement.exhibitId);
    if (before && (before.bates_first !== placement.batesFirstLabel || before.bates_last !== placement.batesLastLabel)) {
      moved.push(`${before.exhibit_label} would be ${placement.batesFirstLabel}–${placement.batesLastLabel}, filed as ${before.bates_first}–${before.bates_last}`);
    }
  }
  const lastNow = label(result.volumes[result.volumes.length - 1]!.batesLast);
  if (lastNow !== first.bates_last) moved.push(`the last page would be ${lastNow}, filed as ${first.bates_last}`);
  if (moved.length === 0) return;
  throw new DossierError(
    'PRODUCTION_CHANGED',
    `This version of Dossier lays out production ${productionId} differently from its export of ${first.exported_at}: ${moved.slice(0, 3).join('; ')}${moved.length > 3 ? `; and ${moved.length - 3} more` : ''}. ` +
      'Its Bates numbers may not move, so nothing was written. Produce the files of that export again, or export a new production.',
    { productionId, moved },
  );
}
