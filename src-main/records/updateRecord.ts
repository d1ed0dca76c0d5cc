import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import { indexForSearch, removeFromSearch } from './searchIndex';
import { findRawRecord } from './getRecord';
import type { RecordSpec } from './RecordSpec';
import { decodeRow, encodeValues } from './rowCodec';
import { saveHistory } from './saveHistory';

function loadLive(caseFile: CaseFile, spec: RecordSpec<{ id: string }>, id: string): Record<string, unknown> {
  const raw = findRawRecord(caseFile, spec.table, id);
  if (!raw || raw.deleted_at) throw new DossierError('NOT_FOUND', `No ${spec.kind} with id ${id} in this case.`);
  return raw;
}

/**
 * Changes some fields of a record. The previous version goes to history first. When the caller
 * passes the `hlc` it last saw and the record changed since, the update is refused (CONFLICT)
 * instead of silently overwriting someone else's edit.
 */
export function updateRecord<Row extends { id: string }>(
  caseFile: CaseFile,
  spec: RecordSpec<Row>,
  id: string,
  patch: Record<string, unknown>,
  options: { expectedHlc?: string; auditAction?: string; skipAudit?: boolean } = {},
): Row {
  for (const key of Object.keys(patch)) {
    if (!spec.writable.includes(key)) throw new DossierError('INVALID_REQUEST', `${spec.kind} has no field "${key}".`);
  }
  return writeTransaction(caseFile, () => {
    const current = loadLive(caseFile, spec as RecordSpec<{ id: string }>, id);
    if (options.expectedHlc && current.hlc !== options.expectedHlc) {
      throw new DossierError('CONFLICT', `This ${spec.kind} was changed meanwhile; reload it and apply your change again.`);
    }
    const encoded = encodeValues(spec, patch);
    const changed = Object.keys(encoded).filter((key) => encoded[key] !== current[key]);
    if (changed.length === 0) return decodeRow(spec, current);
    saveHistory(caseFile, spec.kind, current, 'update');
    const next = { ...encoded, updated_at: nowIso(), updated_by: caseFile.actor.name, hlc: caseFile.clock.tick(), id };
    const assignments = Object.keys(next).filter((c) => c !== 'id').map((c) => `${c} = @${c}`);
    const stored = decodeRow(
      spec,
      prepareCached(caseFile.db, `UPDATE ${spec.table} SET ${assignments.join(', ')} WHERE id = @id RETURNING *`).get(next) as Record<string, unknown>,
    );
    spec.validate?.(stored, changed);
    const searchText = spec.searchText(stored);
    if (searchText) indexForSearch(caseFile.db, spec.kind, id, searchText);
    if (!options.skipAudit) appendAudit(caseFile, {
      action: options.auditAction ?? `${spec.kind}.update`,
      recordKind: spec.kind,
      recordId: id,
      detail: { fields: changed, hlc: next.hlc },
    });
    return stored;
  });
}

/** Tombstones a record: it leaves lists and search, its last version stays in history. */
export function deleteRecord(caseFile: CaseFile, spec: RecordSpec<{ id: string }>, id: string): void {
  writeTransaction(caseFile, () => {
    const current = loadLive(caseFile, spec, id);
    saveHistory(caseFile, spec.kind, current, 'delete');
    const now = nowIso();
    const hlc = caseFile.clock.tick();
    caseFile.db
      .prepare(`UPDATE ${spec.table} SET deleted_at = ?, updated_at = ?, updated_by = ?, hlc = ? WHERE id = ?`)
      .run(now, now, caseFile.actor.name, hlc, id);
    removeFromSearch(caseFile.db, id);
    appendAudit(caseFile, { action: `${spec.kind}.delete`, recordKind: spec.kind, recordId: id, detail: { hlc } });
  });
}
