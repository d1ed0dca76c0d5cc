import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';
import type { ConflictKind, MergeConflictRecord } from '../contract/conflicts';

/** A conflict row as stored (0080-merge-conflicts): JSON columns as text. */
export type ConflictRow = Omit<MergeConflictRecord, 'fields' | 'kept_value' | 'lost_value' | 'resolved_value'> & {
  fields: string;
  kept_value: string;
  lost_value: string;
  resolved_value: string | null;
};

type StoredVersion = Record<string, unknown> & { id: string; hlc: string; deleted_at?: unknown; updated_at?: unknown; updated_by?: unknown };

/** Columns every version changes; a difference there alone is no conflict. */
// Creation stamps differ only where both copies made the same derived-id row (redaction candidates
// found by both scans): the same content then is no conflict.
const BOOKKEEPING = new Set(['hlc', 'updated_at', 'updated_by', 'created_at', 'created_by']);

/**
 * The id of a conflict: a pure function of what it is about, so every copy that finds it (or
 * receives it) names it alike and a merge never lists one conflict twice.
 */
export function conflictId(kind: ConflictKind, ...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify([kind, ...parts])).digest('hex').slice(0, 32);
}

/**
 * Two versions of one record, neither written knowing the other, that differ in content: the
 * conflict row (edit/edit, or delete/edit when one of them is a tombstone), or null when they agree.
 * Every value comes from the two versions, never from the copy that finds it.
 */
export function versionConflict(table: string, kept: StoredVersion, lost: StoredVersion, only?: readonly string[]): ConflictRow | null {
  const fields = (only ?? Object.keys(kept)).filter((c) => !BOOKKEEPING.has(c) && kept[c] !== lost[c]);
  if (fields.length === 0) return null;
  const deleted = (v: StoredVersion) => v.deleted_at !== null && v.deleted_at !== undefined;
  const kind: ConflictKind = deleted(kept) !== deleted(lost) ? 'delete_edit' : 'edit_edit';
  return {
    id: conflictId(kind, table, kept.id, kept.hlc, lost.hlc),
    kind,
    record_table: table,
    record_id: kept.id,
    other_record_id: null,
    fields: JSON.stringify(fields),
    kept_value: JSON.stringify(Object.fromEntries(fields.map((f) => [f, kept[f]]))),
    lost_value: JSON.stringify(Object.fromEntries(fields.map((f) => [f, lost[f]]))),
    kept_hlc: kept.hlc,
    lost_hlc: lost.hlc,
    kept_by: String(kept.updated_by ?? ''),
    lost_by: String(lost.updated_by ?? ''),
    kept_at: String(kept.updated_at ?? ''),
    lost_at: String(lost.updated_at ?? ''),
    resolution: null,
    resolved_value: null,
    resolved_at: null,
    resolved_by: null,
    // The later version's stamp: a resolution, stamped after it, wins over the unresolved row.
    hlc: kept.hlc,
  };
}

/** Stores a conflict unless this copy already has it; true when it is new here. */
export function recordConflict(db: Database.Database, row: ConflictRow): boolean {
  const result = prepareCached(
    db,
    `INSERT OR IGNORE INTO merge_conflict (id, kind, record_table, record_id, other_record_id, fields, kept_value, lost_value,
       kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at, resolution, resolved_value, resolved_at, resolved_by, hlc)
     VALUES (@id, @kind, @record_table, @record_id, @other_record_id, @fields, @kept_value, @lost_value,
       @kept_hlc, @lost_hlc, @kept_by, @lost_by, @kept_at, @lost_at, @resolution, @resolved_value, @resolved_at, @resolved_by, @hlc)`,
  ).run(row);
  return result.changes > 0;
}

/** Stored row -> contract record (JSON columns parsed). */
export function decodeConflict(row: ConflictRow): MergeConflictRecord {
  return {
    ...row,
    fields: JSON.parse(row.fields) as string[],
    kept_value: JSON.parse(row.kept_value) as Record<string, unknown>,
    lost_value: JSON.parse(row.lost_value) as Record<string, unknown>,
    resolved_value: row.resolved_value === null ? null : (JSON.parse(row.resolved_value) as unknown),
  };
}

/** Ids of every conflict this copy holds (to tell, after a merge, which ones are new here). */
export function conflictIds(db: Database.Database): Set<string> {
  return new Set(prepareCached(db, 'SELECT id FROM merge_conflict').pluck().all() as string[]);
}

/**
 * Brings the other copy's conflicts in: unknown ones are added, and where both hold one, the later
 * stamp (a resolution) wins. Returns the ids added or changed here.
 */
export function mergeConflictRows(db: Database.Database, other: Database.Database): string[] {
  const changed: string[] = [];
  const local = prepareCached(db, 'SELECT hlc FROM merge_conflict WHERE id = ?').pluck();
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('merge_conflict') as string[]).filter((c) => c !== 'id');
  const update = prepareCached(db, `UPDATE merge_conflict SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  for (const row of other.prepare('SELECT * FROM merge_conflict').iterate() as IterableIterator<ConflictRow>) {
    const hlc = local.get(row.id) as string | undefined;
    if (hlc === undefined) {
      recordConflict(db, row);
      changed.push(row.id);
    } else if (row.hlc > hlc) {
      update.run(row);
      changed.push(row.id);
    }
  }
  return changed;
}
