import type Database from 'better-sqlite3';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { MergeConflict } from '../contract/MergeReport';
import { saveHistory } from '../records/saveHistory';
import { type ConflictRow, conflictId, recordConflict, versionConflict } from './conflictRecords';
import { settleDuplicate, tombstoneStamp } from './duplicateTombstone';
import type { MutableTable } from './mutableTables';

type Row = Record<string, unknown> & { id: string; hlc: string; deleted_at: string | null; created_at: string; created_by: string };

export interface TableMergeResult {
  inserted: number;
  updated: number;
  /** Ids whose current row changed here: their search entries must be rebuilt and sealed. */
  touched: string[];
  /** Conflicts this merge recorded that the case did not hold yet. */
  conflictsRecorded: number;
}

/** Column names come from our own schema, never from the other file. */
export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
}

/**
 * True when `hlc` is a version the copy `db` replaced by an edit of its own (so whoever wrote the
 * later version saw it). A version that only lost a merge there ('merge' in history) was not seen
 * by the winner: that is a concurrent edit on every copy, the return merge included.
 */
function supersededByEdit(db: Database.Database, recordId: string, hlc: string): boolean {
  return prepareCached(db, "SELECT 1 FROM record_history WHERE record_id = ? AND hlc = ? AND reason <> 'merge'").get(recordId, hlc) !== undefined;
}

function conflictKindOf(row: ConflictRow): MergeConflict['kind'] {
  return row.kind === 'delete_edit' ? 'delete_edit' : 'concurrent_edit';
}

/**
 * Brings one mutable table of the other copy in: rows only there are inserted; where both have
 * a row, the newer hybrid-logical-clock version wins and the other goes to history. Concurrent
 * versions (neither written knowing the other) that differ are recorded as conflicts, on whichever
 * copy finds them, the return merge included. Live duplicates made on both sides (the same domain,
 * the same link, the same teammate key) are settled by settleDuplicate, the same on every copy.
 */
export function mergeMutableTable(target: CaseFile, other: Database.Database, spec: MutableTable, conflicts: MergeConflict[]): TableMergeResult {
  const { db } = target;
  const columns = columnsOf(db, spec.table);
  const select = prepareCached(db, `SELECT * FROM ${spec.table} WHERE id = ?`);
  const insert = prepareCached(db, `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const replace = prepareCached(db, `UPDATE ${spec.table} SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const result: TableMergeResult = { inserted: 0, updated: 0, touched: [], conflictsRecorded: 0 };
  const otherColumns = new Set(columnsOf(other, spec.table));
  const missing = columns.filter((c) => !otherColumns.has(c));
  if (missing.length) throw new Error(`the other copy's ${spec.table} lacks ${missing.join(', ')}`);

  for (const raw of other.prepare(`SELECT ${columns.join(', ')} FROM ${spec.table}`).iterate() as IterableIterator<Row>) {
    const incoming = Object.fromEntries(columns.map((c) => [c, raw[c]])) as Row;
    target.clock.observe(incoming.hlc);
    const local = select.get(incoming.id) as Row | undefined;
    if (!local) {
      result.touched.push(incoming.id, ...placeRow(target, spec, incoming, () => insert.run(incoming), conflicts, result));
      result.inserted += 1;
      continue;
    }
    if (local.hlc === incoming.hlc) continue;
    const incomingWins = incoming.hlc > local.hlc;
    const [winner, loser] = incomingWins ? [incoming, local] : [local, incoming];
    // A duplicate's tombstone is derived from the very version it replaces: not a concurrent edit.
    const derived = winner.hlc === tombstoneStamp(loser.hlc);
    const concurrent = !derived && (incomingWins ? !supersededByEdit(other, local.id, local.hlc) : !supersededByEdit(db, incoming.id, incoming.hlc));
    saveHistory(target, spec.spec.kind, loser, 'merge');
    if (incomingWins) {
      result.touched.push(incoming.id, ...placeRow(target, spec, incoming, () => replace.run(incoming), conflicts, result));
      result.updated += 1;
    }
    const conflict = concurrent ? versionConflict(spec.table, winner, loser) : null;
    if (conflict && recordConflict(db, conflict)) {
      result.conflictsRecorded += 1;
      conflicts.push({
        kind: conflictKindOf(conflict),
        table: spec.table,
        record_id: winner.id,
        kept_hlc: winner.hlc,
        superseded_hlc: loser.hlc,
        conflict_id: conflict.id,
        message:
          conflict.kind === 'delete_edit'
            ? `${spec.spec.kind} ${winner.id} was deleted on one side and edited on the other; the later change is kept (${winner.deleted_at ? 'deleted' : 'edited'}), the other is in its history. Review with: dossier conflicts`
            : `${spec.spec.kind} ${winner.id} was changed on both sides (${(JSON.parse(conflict.fields) as string[]).join(', ')}); the later change is kept and the other is in its history. Review with: dossier conflicts`,
      });
    }
  }
  return result;
}

/**
 * Writes a live row; when a live duplicate (same unique key, other id) is in the way, the pair is
 * settled by settleDuplicate and the conflict recorded. Returns the other ids whose row changed.
 */
function placeRow(target: CaseFile, spec: MutableTable, row: Row, write: () => void, conflicts: MergeConflict[], result: TableMergeResult): string[] {
  if (!spec.uniqueKey || row.deleted_at) {
    write();
    return [];
  }
  const { db } = target;
  const where = spec.uniqueKey.map((c) => `${c} = ?`).join(' AND ');
  const rival = prepareCached(db, `SELECT * FROM ${spec.table} WHERE ${where} AND deleted_at IS NULL AND id <> ?`).get(
    ...spec.uniqueKey.map((c) => row[c]),
    row.id,
  ) as Row | undefined;
  if (!rival) {
    write();
    return [];
  }
  const settled = settleDuplicate(row, rival);
  const { deletedAt, stamp } = settled;
  // Copies: `row` itself is tombstoned below when it is the dropped one.
  const kept = { ...settled.kept };
  const dropped = { ...settled.dropped };
  target.clock.observe(stamp);
  if (settled.dropped === row) {
    saveHistory(target, spec.spec.kind, { ...row }, 'merge');
    row.deleted_at = deletedAt;
    row.hlc = stamp;
    write();
  } else {
    saveHistory(target, spec.spec.kind, rival, 'merge');
    prepareCached(db, `UPDATE ${spec.table} SET deleted_at = ?, hlc = ? WHERE id = ?`).run(deletedAt, stamp, rival.id);
    write();
  }
  const key = Object.fromEntries(spec.uniqueKey.map((c) => [c, kept[c]]));
  const conflict: ConflictRow = {
    id: conflictId('duplicate', spec.table, kept.id, dropped.id, dropped.hlc),
    kind: 'duplicate',
    record_table: spec.table,
    record_id: kept.id,
    other_record_id: dropped.id,
    fields: JSON.stringify(spec.uniqueKey),
    kept_value: JSON.stringify({ id: kept.id, ...key }),
    lost_value: JSON.stringify({ id: dropped.id, ...key }),
    kept_hlc: stamp,
    lost_hlc: dropped.hlc,
    kept_by: kept.created_by,
    lost_by: dropped.created_by,
    kept_at: kept.created_at,
    lost_at: dropped.created_at,
    resolution: null,
    resolved_value: null,
    resolved_at: null,
    resolved_by: null,
    hlc: stamp,
  };
  if (recordConflict(db, conflict)) {
    result.conflictsRecorded += 1;
    conflicts.push({
      kind: spec.duplicateKind ?? 'concurrent_edit',
      table: spec.table,
      record_id: kept.id,
      kept_hlc: kept.hlc,
      superseded_hlc: dropped.hlc,
      conflict_id: conflict.id,
      message: `${spec.spec.kind} ${dropped.id} duplicated ${kept.id} (added on both sides); ${dropped.id} was tombstoned, its history kept.`,
    });
  }
  return [rival.id];
}
