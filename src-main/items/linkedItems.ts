import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { LinkedItem } from '../contract/records';
import { itemRef } from './itemSpecs';

/**
 * Everything linked to a record, in both directions, skipping deleted items. Part of an item's
 * detail, so it lives with the items (links/ makes and removes links, and sits above items).
 */
export function linkedItems(caseFile: CaseFile, id: string, limit = 500): LinkedItem[] {
  const rows = prepareCached(
    caseFile.db,
    `SELECT id, relation, to_id AS other, 'outgoing' AS direction FROM link WHERE from_id = ? AND deleted_at IS NULL
     UNION ALL
     SELECT id, relation, from_id AS other, 'incoming' AS direction FROM link WHERE to_id = ? AND deleted_at IS NULL
     ORDER BY relation, other LIMIT ?`,
  ).all(id, id, limit) as { id: string; relation: string; other: string; direction: 'outgoing' | 'incoming' }[];
  const items: LinkedItem[] = [];
  for (const row of rows) {
    try {
      items.push({ ...itemRef(caseFile, row.other), link_id: row.id, relation: row.relation, direction: row.direction });
    } catch (error) {
      if (!(error instanceof DossierError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return items;
}
