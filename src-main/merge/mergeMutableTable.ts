import type Database from 'better-sqlite3';
import { DossierError } from '../contract/errors';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { MergeConflict } from '../contract/MergeReport';
import { saveHistory } from '../records/saveHistory';
import { type ConflictRow, conflictId, recordConflict, versionConflict } from './conflictRecords';
import { isTombstoneStamp, settleDuplicate, settleDuplicateAs, tombstoneStamp } from './duplicateTombstone';
import { resolvedSurvivor } from './duplicateResolutions';
import { duplicateValues, valuesOnlyIn } from './duplicateValues';
import { BASE_STAMP, mergeFields, setStamps, type Stamps, stampsOf } from './fieldMerge';
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
 * True when the copy `db` held version `hlc` of the record (it is in its history): whatever it
 * holds now was written knowing that version, or that version lost a merge there, which recorded
 * the conflict then (conflicts travel: the other copy sees it on its next merge, not twice).
 */
function heldBefore(db: Database.Database, recordId: string, hlc: string): boolean {
  return prepareCached(db, 'SELECT 1 FROM record_history WHERE record_id = ? AND hlc = ?').get(recordId, hlc) !== undefined;
}

/**
 * The fields a version lost in a merge that the winning side (`winnerSide`, its copy) changed
 * without having held that version or the one that set the field: concurrent changes, conflicts.
 * A field the loser never changed (unstamped while the other's change is stamped) lost nothing.
 * Losing the deleted state always counts (see below).
 */
function unseenLosses(winnerSide: Database.Database, loser: Row, lost: readonly string[], loserStamps: Stamps, winnerStamps: Stamps): string[] {
  if (lost.length === 0 || heldBefore(winnerSide, loser.id, loser.hlc)) return [];
  return lost.filter((f) => {
    // Live against deleted: whichever way it went, a version the other side never held was
    // concurrent with that deletion (or restore): a delete/edit conflict.
    if (f === 'deleted_at') return true;
    const stamp = loserStamps.get(f) ?? BASE_STAMP;
    if (stamp === BASE_STAMP) return (winnerStamps.get(f) ?? BASE_STAMP) === BASE_STAMP;
    return !heldBefore(winnerSide, loser.id, stamp);
  });
}

function conflictKindOf(row: ConflictRow): MergeConflict['kind'] {
  return row.kind === 'delete_edit' ? 'delete_edit' : 'concurrent_edit';
}

/**
 * Brings one mutable table of the other copy in: rows only there are inserted (with their field
 * stamps); where both have a row, each field is taken from the version that changed it last
 * (mergeFields: concurrent edits of different fields both survive), the replaced versions go to
 * history. A field whose concurrent change lost (neither written knowing the other) is recorded
 * as a conflict, on whichever copy finds it, the return merge included. Live duplicates made on both sides (the same domain,
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
  if (missing.length) {
    // The other copy says it is of this schema version (else it was migrated on open), so its
    // tables were altered outside Dossier: a user can cause this, and it is named as such.
    throw new DossierError(
      'CASE_FILE_CORRUPT',
      `The other copy's ${spec.table} table lacks ${missing.join(', ')}, which every case file of its version has: it was altered outside Dossier. Nothing was merged.`,
    );
  }

  for (const raw of other.prepare(`SELECT ${columns.join(', ')} FROM ${spec.table}`).iterate() as IterableIterator<Row>) {
    const incoming = Object.fromEntries(columns.map((c) => [c, raw[c]])) as Row;
    target.clock.observe(incoming.hlc);
    const local = select.get(incoming.id) as Row | undefined;
    const incomingStamps = stampsOf(other, spec.table, incoming.id);
    if (!local) {
      result.touched.push(incoming.id, ...placeRow(target, spec, incoming, incomingStamps, () => insert.run(incoming), conflicts, result, other));
      result.inserted += 1;
      continue;
    }
    if (local.hlc === incoming.hlc) continue;
    const localStamps = stampsOf(db, spec.table, local.id);
    const merged = mergeFields(columns, local, localStamps, incoming, incomingStamps);
    // Which lost fields the winning side never held, read before this merge writes any history.
    const unseen = {
      local: unseenLosses(other, local, merged.lostBy.local, localStamps, incomingStamps),
      incoming: unseenLosses(db, incoming, merged.lostBy.incoming, incomingStamps, localStamps),
    };
    if (merged.outcome === 'local') {
      saveHistory(target, spec.spec.kind, incoming, 'merge');
    } else {
      saveHistory(target, spec.spec.kind, local, 'merge');
      // A mix replaces both versions: the incoming one is kept in history too.
      if (merged.outcome === 'mixed') saveHistory(target, spec.spec.kind, incoming, 'merge');
      const row = merged.row as Row;
      target.clock.observe(row.hlc);
      result.touched.push(row.id, ...placeRow(target, spec, row, merged.stamps, () => replace.run(row), conflicts, result, other));
      result.updated += 1;
    }
    // What the merge kept; a duplicate tombstone made of it just now counts as it (that is a duplicate conflict).
    const stored = select.get(incoming.id) as Row;
    const current = stored.hlc === tombstoneStamp(merged.row.hlc) ? (merged.row as Row) : stored;
    // Two deletions of one row where one is a duplicate settlement's (deleted_at stamped ~dup): both
    // say "deleted", only when differs. A copy settling a pair by someone's resolution tombstones the
    // dropped row itself before the resolution's own deletion of it arrives in the same merge (the
    // kept row came first in the other copy's table): that is no concurrent edit by anybody.
    const settledDeletion = (stamps: Stamps, row: Row) => isTombstoneStamp(stamps.get('deleted_at') ?? row.hlc);
    const twoDeletions = (loser: Row, loserStamps: Stamps) =>
      current.deleted_at !== null && loser.deleted_at !== null && (settledDeletion(loserStamps, loser) || settledDeletion(stampsOf(db, spec.table, current.id), current));
    for (const [loser, lostFields, loserStamps] of [
      [local, unseen.local, localStamps],
      [incoming, unseen.incoming, incomingStamps],
    ] as const) {
      const lost = lostFields.filter((f) => f !== 'deleted_at' || !twoDeletions(loser, loserStamps));
      if (lost.length === 0) continue;
      // A duplicate's tombstone is derived from the very version it replaces: not a concurrent edit.
      if (current.hlc === tombstoneStamp(loser.hlc) || loser.hlc === tombstoneStamp(current.hlc)) continue;
      const fields = [...lost];
      if ((current.deleted_at === null) !== (loser.deleted_at === null) && !fields.includes('deleted_at')) fields.push('deleted_at');
      // The fields the loser lost hold the other version's values: that version's author wrote
      // them, not whoever edited last (a mix of a deletion and a later edit carries the editor's
      // name, and "deleted by" must name the one who deleted).
      const winner = loser === local ? incoming : local;
      const kept = current.hlc === winner.hlc ? current : { ...current, updated_by: winner.updated_by, updated_at: winner.updated_at };
      const conflict = fields.length ? versionConflict(spec.table, kept, loser, fields) : null;
      if (!conflict || !recordConflict(db, conflict)) continue;
      result.conflictsRecorded += 1;
      conflicts.push({
        kind: conflictKindOf(conflict),
        table: spec.table,
        record_id: current.id,
        kept_hlc: current.hlc,
        superseded_hlc: loser.hlc,
        conflict_id: conflict.id,
        message:
          conflict.kind === 'delete_edit'
            ? `${spec.spec.kind} ${current.id} was deleted on one side and edited on the other; ${current.deleted_at ? 'it stays deleted' : 'it stays live'}, the other version is in its history. Review with: dossier conflicts`
            : `${spec.spec.kind} ${current.id} was changed on both sides (${(JSON.parse(conflict.fields) as string[]).join(', ')}); the later change of each field is kept, the other is in its history. Review with: dossier conflicts`,
      });
    }
  }
  return result;
}

/**
 * Writes a live row; when a live duplicate (same unique key, other id) is in the way, the pair is
 * settled by settleDuplicate and the conflict recorded. Returns the other ids whose row changed.
 */
function placeRow(
  target: CaseFile,
  spec: MutableTable,
  row: Row,
  stamps: Stamps,
  write: () => void,
  conflicts: MergeConflict[],
  result: TableMergeResult,
  other: Database.Database,
): string[] {
  const { db } = target;
  // The trigger stamps what an UPDATE changed with the row's hlc; a merged version carries its own.
  const writeWithStamps = (extra: Record<string, string> = {}) => {
    write();
    setStamps(db, spec.table, row.id, new Map([...stamps, ...Object.entries(extra)]));
  };
  if (!spec.uniqueKey || row.deleted_at) {
    writeWithStamps();
    return [];
  }
  const where = spec.uniqueKey.map((c) => `${c} = ?`).join(' AND ');
  const rival = prepareCached(db, `SELECT * FROM ${spec.table} WHERE ${where} AND deleted_at IS NULL AND id <> ?`).get(
    ...spec.uniqueKey.map((c) => row[c]),
    row.id,
  ) as Row | undefined;
  if (!rival) {
    writeWithStamps();
    return [];
  }
  // A pair someone already resolved keeps the row they chose, on every copy the resolution reaches.
  const chosen = resolvedSurvivor(db, other, spec.table, row.id, rival.id);
  const settled = chosen ? settleDuplicateAs(chosen, row, rival) : settleDuplicate(row, rival);
  const { deletedAt, stamp } = settled;
  // Copies: `row` itself is tombstoned below when it is the dropped one.
  const kept = { ...settled.kept };
  const dropped = { ...settled.dropped };
  target.clock.observe(stamp);
  if (settled.dropped === row) {
    saveHistory(target, spec.spec.kind, { ...row }, 'merge');
    row.deleted_at = deletedAt;
    row.hlc = stamp;
    writeWithStamps({ deleted_at: stamp });
  } else {
    saveHistory(target, spec.spec.kind, rival, 'merge');
    // The trigger stamps deleted_at with the tombstone's stamp, as writeWithStamps does above.
    prepareCached(db, `UPDATE ${spec.table} SET deleted_at = ?, hlc = ? WHERE id = ?`).run(deletedAt, stamp, rival.id);
    writeWithStamps();
  }
  if (chosen) return [rival.id];
  const key = Object.fromEntries(spec.uniqueKey.map((c) => [c, kept[c]]));
  const conflict: ConflictRow = {
    id: conflictId('duplicate', spec.table, kept.id, dropped.id, dropped.hlc),
    kind: 'duplicate',
    record_table: spec.table,
    record_id: kept.id,
    other_record_id: dropped.id,
    fields: JSON.stringify(spec.uniqueKey),
    kept_value: JSON.stringify({ id: kept.id, ...key }),
    // The tombstoned row's values (fixed by its version, so the same on every copy): listed, not lost.
    lost_value: JSON.stringify({ id: dropped.id, ...key, ...duplicateValues(spec.table, dropped) }),
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
    const onlyDropped = valuesOnlyIn(spec.table, dropped, kept);
    result.conflictsRecorded += 1;
    conflicts.push({
      kind: spec.duplicateKind ?? 'concurrent_edit',
      table: spec.table,
      record_id: kept.id,
      kept_hlc: kept.hlc,
      superseded_hlc: dropped.hlc,
      conflict_id: conflict.id,
      message: `${spec.spec.kind} ${dropped.id} duplicated ${kept.id} (added on both sides); ${dropped.id} was tombstoned, its history kept${onlyDropped.length ? `; values only it held (see dossier conflicts): ${onlyDropped.join('; ')}` : ''}.`,
    });
  }
  return [rival.id];
}
