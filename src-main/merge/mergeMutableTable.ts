import type Database from 'better-sqlite3';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { MergeConflict } from '../contract/MergeReport';
import { saveHistory } from '../records/saveHistory';
import type { MutableTable } from './mutableTables';

type Row = Record<string, unknown> & { id: string; hlc: string; deleted_at: string | null; created_at: string };

export interface TableMergeResult {
  inserted: number;
  updated: number;
  /** Ids whose current row changed here: their search entries must be rebuilt. */
  touched: string[];
}

/** Column names come from our own schema, never from the other file. */
export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
}

function historyHas(db: Database.Database, recordId: string, hlc: string): boolean {
  return prepareCached(db, 'SELECT 1 FROM record_history WHERE record_id = ? AND hlc = ?').get(recordId, hlc) !== undefined;
}

function sameRow(a: Row, b: Row, columns: string[]): boolean {
  return columns.every((c) => a[c] === b[c]);
}

/**
 * Brings one mutable table of the other copy in: rows only there are inserted; where both have
 * a row, the newer hybrid-logical-clock version wins and the other goes to history. Both sides'
 * concurrent edits (neither saw the other) are listed as conflicts. Live duplicates made on both
 * sides (the same domain, the same link) keep the smaller id live; the other is tombstoned with a
 * deterministic time, so merging A into B and B into A gives the same rows.
 */
export function mergeMutableTable(target: CaseFile, other: Database.Database, spec: MutableTable, conflicts: MergeConflict[]): TableMergeResult {
  const { db } = target;
  const columns = columnsOf(db, spec.table);
  const select = prepareCached(db, `SELECT * FROM ${spec.table} WHERE id = ?`);
  const insert = prepareCached(db, `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const replace = prepareCached(db, `UPDATE ${spec.table} SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const result: TableMergeResult = { inserted: 0, updated: 0, touched: [] };
  const otherColumns = new Set(columnsOf(other, spec.table));
  const missing = columns.filter((c) => !otherColumns.has(c));
  if (missing.length) throw new Error(`the other copy's ${spec.table} lacks ${missing.join(', ')}`);

  for (const raw of other.prepare(`SELECT ${columns.join(', ')} FROM ${spec.table}`).iterate() as IterableIterator<Row>) {
    const incoming = Object.fromEntries(columns.map((c) => [c, raw[c]])) as Row;
    target.clock.observe(incoming.hlc);
    const local = select.get(incoming.id) as Row | undefined;
    if (!local) {
      result.touched.push(incoming.id, ...placeRow(target, spec, incoming, () => insert.run(incoming), conflicts));
      result.inserted += 1;
      continue;
    }
    if (local.hlc === incoming.hlc) continue;
    const incomingWins = incoming.hlc > local.hlc;
    const [winner, loser] = incomingWins ? [incoming, local] : [local, incoming];
    const concurrent = incomingWins
      ? !historyHas(other, local.id, local.hlc)
      : !historyHas(db, incoming.id, incoming.hlc);
    saveHistory(target, spec.spec.kind, loser, 'merge');
    if (incomingWins) {
      result.touched.push(incoming.id, ...placeRow(target, spec, incoming, () => replace.run(incoming), conflicts));
      result.updated += 1;
    }
    // Creation stamps differ only where both copies made the same derived-id row (redaction
    // candidates found by both scans): the same content then is no conflict.
    if (concurrent && !sameRow(winner, loser, columns.filter((c) => !['hlc', 'updated_at', 'updated_by', 'created_at', 'created_by'].includes(c)))) {
      conflicts.push({
        kind: 'concurrent_edit',
        table: spec.table,
        record_id: winner.id,
        kept_hlc: winner.hlc,
        superseded_hlc: loser.hlc,
        message: `${spec.spec.kind} ${winner.id} was changed on both sides; the later change is kept and the other is in its history.`,
      });
    }
  }
  return result;
}

/**
 * Writes a row; when a live duplicate (same unique key, other id) is in the way, the larger id is
 * tombstoned at the later of the two creation times, and the conflict is listed.
 */
function placeRow(target: CaseFile, spec: MutableTable, row: Row, write: () => void, conflicts: MergeConflict[]): string[] {
  if (!spec.uniqueKey || row.deleted_at) {
    write();
    return [];
  }
  const { db } = target;
  const where = spec.uniqueKey.map((c) => `${c} = ?`).join(' AND ');
  const rival = prepareCached(db, `SELECT id, hlc, created_at FROM ${spec.table} WHERE ${where} AND deleted_at IS NULL AND id <> ?`).get(
    ...spec.uniqueKey.map((c) => row[c]),
    row.id,
  ) as { id: string; hlc: string; created_at: string } | undefined;
  if (!rival) {
    write();
    return [];
  }
  const tombstoneAt = rival.created_at > row.created_at ? rival.created_at : row.created_at;
  if (row.id > rival.id) {
    row.deleted_at = tombstoneAt;
  } else {
    prepareCached(db, `UPDATE ${spec.table} SET deleted_at = ? WHERE id = ?`).run(tombstoneAt, rival.id);
  }
  write();
  const [kept, dropped] = row.id > rival.id ? [rival, row] : [row, rival];
  conflicts.push({
    kind: spec.duplicateKind ?? 'concurrent_edit',
    table: spec.table,
    record_id: kept.id,
    kept_hlc: kept.hlc,
    superseded_hlc: dropped.hlc,
    message: `${spec.spec.kind} ${dropped.id} duplicated ${kept.id} (added on both sides); ${dropped.id} was tombstoned, its history kept.`,
  });
  return [rival.id];
}
