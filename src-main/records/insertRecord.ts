import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import { findRawRecord } from './getRecord';
import { indexForSearch } from './searchIndex';
import type { RecordSpec } from './RecordSpec';
import { decodeRow, encodeValues } from './rowCodec';

export interface InsertOptions {
  /** Skip the per-record audit entry (bulk imports write one summary entry instead). */
  skipAudit?: boolean;
  /** A stable id the caller derived (redaction candidates); otherwise a new UUIDv7. */
  id?: string;
  /** More facts for the record's audit entry (an exhibit's extracted-text digest), hash-chained with it. */
  auditDetail?: Record<string, unknown>;
}

/** Stores a new record with its common columns, search text and an audit entry, in one transaction. */
export function insertRecord<Row extends { id: string }>(
  caseFile: CaseFile,
  spec: RecordSpec<Row>,
  values: Record<string, unknown>,
  options: InsertOptions = {},
): Row {
  for (const key of Object.keys(values)) {
    if (!spec.writable.includes(key)) throw new DossierError('INVALID_REQUEST', `${spec.kind} has no field "${key}".`);
  }
  const now = nowIso();
  const row = {
    ...encodeValues(spec, values),
    id: options.id ?? newId(),
    created_at: now,
    created_by: caseFile.actor.name,
    updated_at: now,
    updated_by: caseFile.actor.name,
    hlc: caseFile.clock.tick(),
  };
  const columns = Object.keys(row);
  // Read back by primary key rather than RETURNING *, which measured ~2.5x slower per row here.
  const sql = `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  return writeTransaction(caseFile, () => {
    prepareCached(caseFile.db, sql).run(row);
    const stored = decodeRow(spec, findRawRecord(caseFile, spec.table, row.id)!);
    spec.validate?.(stored, columns);
    const searchText = spec.searchText(stored);
    if (searchText) indexForSearch(caseFile.db, spec.kind, stored.id, searchText);
    if (!options.skipAudit) {
      appendAudit(caseFile, { action: `${spec.kind}.create`, recordKind: spec.kind, recordId: stored.id, detail: { ...options.auditDetail, hlc: row.hlc } });
    }
    return stored;
  });
}
