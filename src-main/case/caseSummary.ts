import fs from 'node:fs';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { CaseSummary } from '../contract/DossierApi';
import { ITEM_KINDS, type SiteStatus } from '../contract/enums';
import { ITEM_SPECS } from '../items/itemSpecs';
import { getCaseInfo } from './caseInfo';

/** What the overview and `dossier info` show: the case, item counts, domains per lifecycle state. */
export function caseSummary(caseFile: CaseFile): CaseSummary {
  const counts = Object.fromEntries(
    ITEM_KINDS.map((kind) => [
      kind,
      prepareCached(caseFile.db, `SELECT count(*) FROM ${ITEM_SPECS[kind].table} WHERE deleted_at IS NULL`).pluck().get() as number,
    ]),
  ) as CaseSummary['counts'];
  const byStatus = prepareCached(caseFile.db, 'SELECT status, count(*) AS n FROM website WHERE deleted_at IS NULL GROUP BY status').all() as {
    status: SiteStatus;
    n: number;
  }[];
  return {
    path: caseFile.path,
    info: getCaseInfo(caseFile),
    counts,
    sitesByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    schemaVersion: caseFile.db.pragma('user_version', { simple: true }) as number,
    fileBytes: fs.statSync(caseFile.path).size,
    readOnly: caseFile.db.readonly,
  };
}
