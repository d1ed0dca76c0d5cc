import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';

export type HistoryReason = 'update' | 'delete' | 'restore' | 'merge';

/** Keeps a superseded version of a record. Idempotent per (record, hlc): merge may see it twice. */
export function saveHistory(
  caseFile: CaseFile,
  recordKind: string,
  version: Record<string, unknown>,
  reason: HistoryReason,
): void {
  prepareCached(
    caseFile.db,
    `INSERT OR IGNORE INTO record_history (id, record_kind, record_id, hlc, version_json, superseded_at, superseded_by, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), recordKind, version.id, version.hlc, JSON.stringify(version), nowIso(), caseFile.actor.name, reason);
}
