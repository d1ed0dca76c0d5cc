import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { Link } from '../contract/records';
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
