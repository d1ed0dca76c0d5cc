import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { RecordSpec } from './RecordSpec';
import { decodeRow } from './rowCodec';

/** The record, or NOT_FOUND. Tombstoned records are returned only when asked for. */
export function getRecord<Row extends { id: string }>(
  caseFile: CaseFile,
  spec: RecordSpec<Row>,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Row {
  const raw = findRawRecord(caseFile, spec.table, id);
  if (!raw || (raw.deleted_at && !options.includeDeleted)) {
    throw new DossierError('NOT_FOUND', `No ${spec.kind} with id ${id} in this case.`);
  }
  return decodeRow(spec, raw);
}

export function findRawRecord(caseFile: CaseFile, table: string, id: string): Record<string, unknown> | undefined {
  return prepareCached(caseFile.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}
