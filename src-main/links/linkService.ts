import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { Link, LinkedItem } from '../contract/records';
import { type LinkCreate, linkCreateSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import { insertRecord } from '../records/insertRecord';
import { itemRef } from '../items/itemSpecs';
import type { RecordSpec } from '../records/RecordSpec';
import { deleteRecord } from '../records/updateRecord';

export const linkSpec: RecordSpec<Link> = {
  kind: 'link',
  table: 'link',
  writable: ['from_kind', 'from_id', 'to_kind', 'to_id', 'relation', 'note'],
  jsonColumns: [],
  sortable: { created: 'created_at' },
  filterColumns: ['relation'],
  title: (row) => row.relation,
  subtitle: () => null,
  searchText: () => null,
};

/** Links two items with a relation ("covers", "evidence of", "registrar of" ...). Idempotent. */
export function linkRecords(caseFile: CaseFile, input: LinkCreate, options: { skipAudit?: boolean } = {}): Link {
  const fields = validate(linkCreateSchema, input, 'link');
  if (fields.from_id === fields.to_id) throw new DossierError('INVALID_REQUEST', 'A record cannot be linked to itself.');
  return writeTransaction(caseFile, () => {
    const from = itemRef(caseFile, fields.from_id);
    const to = itemRef(caseFile, fields.to_id);
    const existing = prepareCached(
      caseFile.db,
      'SELECT * FROM link WHERE from_id = ? AND to_id = ? AND relation = ? AND deleted_at IS NULL',
    ).get(fields.from_id, fields.to_id, fields.relation) as Link | undefined;
    if (existing) return existing;
    return insertRecord(
      caseFile,
      linkSpec,
      { from_kind: from.kind, from_id: from.id, to_kind: to.kind, to_id: to.id, relation: fields.relation, note: fields.note ?? null },
      options,
    );
  });
}

export function unlinkRecords(caseFile: CaseFile, linkId: string): void {
  deleteRecord(caseFile, linkSpec as unknown as RecordSpec<{ id: string }>, linkId);
}

/** Everything linked to a record, in both directions, skipping deleted items. */
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
