import type Database from 'better-sqlite3';
import { parseHlc } from '../casefile/HybridLogicalClock';
import type { ContentFinding, SealedTable } from './verifyRecordSeals';

/** A record as the stamp rule reads it: its id, version stamp and stored values. */
type StoredVersion = Record<string, unknown> & { id: string; hlc: string };

/**
 * The stamps a record's current version must have and lacks (field_stamp, 0080). Stamps are
 * written by each record table's `<table>_field_stamps` trigger when an UPDATE moves the row's
 * stamp: every stamped column it changed gets that stamp (a merge then copies a version's stamps
 * with it; creation writes none). So when the current version was made by an edit (updateRecord:
 * its audit entry seals exactly this version and lists the fields it changed, `detail.fields` and
 * `detail.hlc`), each listed field the trigger stamps and whose value differs from the version it
 * replaced (kept in history, reason 'update') must have a stamp; one missing was deleted behind the
 * app's back, and would let an older value from another copy win every merge of that field.
 * Not required where the edit may predate schema 8, when no trigger stamped: only an edit made on a
 * computer whose own earlier stamps show it was stamping by then is held to it (a computer does not
 * go back to an older Dossier; a merge's tombstone stamps, `~dup`, carry an old version's time and
 * are no evidence). A stamp deleted with every earlier stamp of that computer is not told.
 * Shared by dossier check (every record) and merge (the records it compares), so both say the same.
 */
export function missingFieldStamps(db: Database.Database): (table: SealedTable, row: StoredVersion) => { fields: string[]; entry: string } | null {
  const stampingSince = new Map<string, string>();
  if (!hasTable(db, 'field_stamp')) return () => null;
  for (const hlc of db.prepare('SELECT DISTINCT hlc FROM field_stamp').pluck().iterate() as IterableIterator<string>) {
    const machine = machineOf(hlc);
    if (machine === null) continue;
    const since = stampingSince.get(machine);
    if (since === undefined || hlc < since) stampingSince.set(machine, hlc);
  }
  const stampedColumns = new Map<string, Set<string>>();
  const columnsOf = (table: string): Set<string> => {
    let columns = stampedColumns.get(table);
    if (!columns) {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(`${table}_field_stamps`) as string | undefined;
      // The trigger's own list (0080): a column added later has none and merges with its record.
      columns = new Set([...(sql ?? '').matchAll(/NEW\.(\w+) IS NOT OLD\.\1/g)].map((m) => m[1]!));
      stampedColumns.set(table, columns);
    }
    return columns;
  };
  const edits = db.prepare(
    `SELECT e.chain, e.seq, e.detail FROM audit_seal s JOIN audit_entry e ON e.chain = s.chain AND e.seq = s.seq
      WHERE s.record_id = ? AND s.record_hlc = ? AND s.record_table = ?`,
  );
  const replaced = db.prepare("SELECT version_json FROM record_history WHERE record_id = ? AND hlc < ? AND reason = 'update' ORDER BY hlc DESC LIMIT 1").pluck();
  const stamped = db.prepare('SELECT 1 FROM field_stamp WHERE record_table = ? AND record_id = ? AND field = ?');
  return (table, row) => {
    const columns = columnsOf(table);
    if (columns.size === 0) return null;
    const machine = machineOf(row.hlc);
    const since = machine === null ? undefined : stampingSince.get(machine);
    if (since === undefined || since > row.hlc) return null;
    for (const e of edits.all(row.id, row.hlc, table) as { chain: string; seq: number; detail: string }[]) {
      const detail = JSON.parse(e.detail) as { fields?: unknown; hlc?: unknown };
      if (detail.hlc !== row.hlc || !Array.isArray(detail.fields)) continue;
      const before = replaced.get(row.id, row.hlc) as string | undefined;
      if (before === undefined) continue;
      const previous = JSON.parse(before) as Record<string, unknown>;
      const fields = (detail.fields as unknown[]).filter(
        (f): f is string => typeof f === 'string' && columns.has(f) && previous[f] !== row[f] && stamped.get(table, row.id, f) === undefined,
      );
      if (fields.length > 0) return { fields, entry: `${e.chain} #${e.seq}` };
    }
    return null;
  };
}

/** The finding for a record whose current version lacks stamps it must have. */
export function missingStampFinding(table: SealedTable, row: StoredVersion, missing: { fields: string[]; entry: string }): ContentFinding {
  return {
    kind: 'record_changed',
    table: 'field_stamp',
    id: `${table}/${row.id}`,
    fields: missing.fields,
    message:
      `${table} ${row.id}'s ${missing.fields.join(', ')} ${missing.fields.length === 1 ? 'was' : 'were'} set by its current version (${row.hlc}, audit entry ${missing.entry}) but ` +
      `${missing.fields.length === 1 ? 'has no merge stamp' : 'have no merge stamps'}: deleted behind the app's back, so a merge would take an older value over ${missing.fields.length === 1 ? 'it' : 'them'}.`,
  };
}

/**
 * The computer a version stamp was made on: its device is `<host and user hash>-<per-session
 * random>` (casefile/openCaseFile.ts); null for a merge's tombstone stamp or a stamp not of a clock.
 */
function machineOf(hlc: string): string | null {
  const device = parseHlc(hlc)?.device;
  if (!device || device.includes('~')) return null;
  return device.split('-')[0]!;
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
