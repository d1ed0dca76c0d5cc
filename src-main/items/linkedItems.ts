import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { LinkedItem } from '../contract/records';
import { itemRef } from './itemSpecs';

/**
 * Everything linked to a record, in both directions, skipping deleted items, one page at a time
 * (an order may cover 200,000 sites). Part of an item's detail, so it lives with the items
 * (links/ makes and removes links, and sits above items).
 */
export function linkedItems(caseFile: CaseFile, id: string, limit = 500, offset = 0): LinkedItem[] {
  const rows = prepareCached(
    caseFile.db,
    `SELECT id, relation, to_id AS other, 'outgoing' AS direction FROM link WHERE from_id = ? AND deleted_at IS NULL
     UNION ALL
     SELECT id, relation, from_id AS other, 'incoming' AS direction FROM link WHERE to_id = ? AND deleted_at IS NULL
     ORDER BY relation, other, id LIMIT ? OFFSET ?`,
  ).all(id, id, limit, offset) as { id: string; relation: string; other: string; direction: 'outgoing' | 'incoming' }[];
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

/** How many live links an item has, both directions (for "50 of 205,800"). */
export function countLinks(caseFile: CaseFile, id: string): number {
  return prepareCached(
    caseFile.db,
    'SELECT (SELECT count(*) FROM link WHERE from_id = ? AND deleted_at IS NULL) + (SELECT count(*) FROM link WHERE to_id = ? AND deleted_at IS NULL)',
  )
    .pluck()
    .get(id, id) as number;
}
