import type Database from 'better-sqlite3';
import { changedFields, recordDigest } from '../casefile/recordDigest';
import { prepareCached } from '../casefile/prepareCached';
import type { ContentFinding, SealedTable } from './verifyRecordSeals';

/** A row of record_history as this check reads it. */
export interface KeptVersion {
  id: string;
  record_kind: string;
  record_id: string;
  hlc: string;
  version_json: string;
}

/**
 * Checks every old version kept in record_history (what `dossier show` lists and `site import
 * --rollback` puts back) against the seal the audit chain wrote when that version was current: the
 * seal of (record id, version stamp) holds the SHA-256 of the whole row, so a kept version edited
 * with sqlite3 is found and its fields named. Some versions were never sealed on their own and
 * cannot be verified: one superseded within the same change that made it (a merge settling a
 * duplicate stamps the tombstoned row, then supersedes it before its entry seals the outcome), or
 * before the file's schema 5 upgrade (the first seals). They are counted apart, not reported: they
 * cannot be told from a version added behind the app's back. Then the other way round
 * (missingHistory): every sealed version that is no longer current must still be kept. Returns the
 * versions compared with a seal (versionsChecked) and those without one (unsealed).
 */
export function verifyHistorySeals(
  db: Database.Database,
  tables: readonly SealedTable[],
  report: (finding: ContentFinding) => void,
): { versionsChecked: number; unsealed: number } {
  let versionsChecked = 0;
  let unsealed = 0;
  for (const h of db.prepare('SELECT id, record_kind, record_id, hlc, version_json FROM record_history').iterate() as IterableIterator<KeptVersion>) {
    const verdict = checkKeptVersion(db, h);
    if (verdict === 'unsealed') {
      unsealed += 1;
      continue;
    }
    versionsChecked += 1;
    if (verdict !== 'ok') report(verdict);
  }
  for (const table of tables) missingHistory(db, table, report);
  return { versionsChecked, unsealed };
}

/**
 * Every update, deletion, restore and merge keeps the version it replaces (records/saveHistory.ts),
 * so a version an audit entry sealed that is neither the record's current row nor in its history
 * was deleted from record_history behind the app's back: `show` no longer lists it and what the
 * record said before is erased. Only tables whose every write keeps history are given: not the
 * events (never superseded) nor the filing tables (a caption edit keeps no history). A sealed
 * version later than the current row is a rollback of the row itself, and a current row no entry
 * sealed replaced its sealed version behind the app's back: verifyTableSeals names both (and a
 * record that is gone), so they are not named twice here.
 */
function missingHistory(db: Database.Database, table: SealedTable, report: (finding: ContentFinding) => void): void {
  const gone = db
    .prepare(
      `SELECT DISTINCT s.record_id, s.record_hlc FROM audit_seal s JOIN ${table} t ON t.id = s.record_id
        WHERE s.record_table = ? AND s.record_hlc < t.hlc
          AND EXISTS (SELECT 1 FROM audit_seal c WHERE c.record_id = t.id AND c.record_hlc = t.hlc)
          AND NOT EXISTS (SELECT 1 FROM record_history h WHERE h.record_id = s.record_id AND h.hlc = s.record_hlc)
        ORDER BY s.record_id, s.record_hlc`,
    )
    .iterate(table) as IterableIterator<{ record_id: string; record_hlc: string }>;
  for (const v of gone) {
    report({
      kind: 'record_missing',
      table: 'record_history',
      id: `${table}/${v.record_id}@${v.record_hlc}`,
      fields: [],
      message: `The version of ${table} ${v.record_id} stamped ${v.record_hlc} was audited but is gone from its history (record_history): it was deleted behind the app's back.`,
    });
  }
}

/**
 * One kept version against the seal written when it was current: 'ok', 'unsealed' (no entry sealed
 * it on its own: it cannot be verified), or the finding naming what differs. For a feature that
 * puts an old version back (site import --rollback), so it never restores one edited behind the
 * app's back.
 */
export function checkKeptVersion(db: Database.Database, h: KeptVersion): 'ok' | 'unsealed' | ContentFinding {
  const seals = prepareCached(db, 'SELECT digest, field_digests FROM audit_seal WHERE record_id = ? AND record_hlc = ?').all(h.record_id, h.hlc) as { digest: string; field_digests: string }[];
  if (seals.length === 0) return 'unsealed';
  const what = `record_history ${h.id} (the version of ${h.record_kind} ${h.record_id} stamped ${h.hlc})`;
  let version: Record<string, unknown>;
  try {
    version = JSON.parse(h.version_json) as Record<string, unknown>;
  } catch {
    return { kind: 'record_changed', table: 'record_history', id: h.id, fields: ['version_json'], message: `${what} is not readable JSON: it was changed behind the app's back.` };
  }
  const digest = recordDigest(version);
  if (seals.some((s) => s.digest === digest)) return 'ok';
  const fields = changedFields(version, seals[0]!.field_digests);
  return {
    kind: 'record_changed',
    table: 'record_history',
    id: h.id,
    fields,
    message: `${what} differs from the state its audit entry sealed when it was current${fields.length ? ` (${fields.join(', ')})` : ''}: it was changed behind the app's back.`,
  };
}
