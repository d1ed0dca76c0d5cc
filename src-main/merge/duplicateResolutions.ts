import type Database from 'better-sqlite3';
import type { StoredRow } from '../casefile/recordDigest';
import { refuseAlteredConflict } from './refuseAlteredConflict';

/*
 * A duplicate pair (the same domain, link or teammate key added on two copies) that someone
 * resolved keeps the row they chose; the merge must not settle the pair again by its default rule
 * (the smaller id) when the rows arrive in an order that makes them meet live. See placeRow in
 * mergeMutableTable and resolveConflict's duplicate branch: they change together.
 */

const QUERY = `SELECT * FROM merge_conflict
  WHERE kind = 'duplicate' AND record_table = ? AND resolution IS NOT NULL
    AND ((record_id = ? AND other_record_id = ?) OR (record_id = ? AND other_record_id = ?))
  ORDER BY hlc DESC LIMIT 1`;

function survivorIn(db: Database.Database, table: string, a: string, b: string, verify: boolean): { survivor: string; hlc: string } | null {
  const row = db.prepare(QUERY).get(table, a, b, b, a) as (StoredRow & { resolved_value: string | null; hlc: string }) | undefined;
  if (!row?.resolved_value) return null;
  // A resolution written behind the app's back must not choose the row that stays (the merge seals
  // the outcome). The other copy's rows were checked before the merge began (incomingSeals), and
  // that copy is being read row by row meanwhile (no pragma may run on it).
  if (verify) refuseAlteredConflict(db, db.name, row, 'follow the resolution of');
  const value = JSON.parse(row.resolved_value) as { survivor?: unknown };
  return typeof value.survivor === 'string' ? { survivor: value.survivor, hlc: row.hlc } : null;
}

/**
 * The row a resolution chose to keep of the duplicate pair (a, b), read from this copy and the one
 * being merged in (the later resolution wins, as conflict rows do on merge); null when nobody chose.
 */
export function resolvedSurvivor(db: Database.Database, other: Database.Database, table: string, a: string, b: string): string | null {
  const found = [survivorIn(db, table, a, b, true), survivorIn(other, table, a, b, false)].filter((x) => x !== null);
  if (found.length === 0) return null;
  found.sort((x, y) => (x.hlc < y.hlc ? 1 : x.hlc > y.hlc ? -1 : 0));
  return found[0]!.survivor;
}
