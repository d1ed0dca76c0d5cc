import type Database from 'better-sqlite3';
import { changedFields, recordDigest } from '../casefile/recordDigest';
import { prepareCached } from '../casefile/prepareCached';
import type { ContentFinding } from './verifyRecordSeals';

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
 * before the file's schema 5 upgrade (the first seals). They are counted, not reported: they
 * cannot be told from a version added behind the app's back. Returns the versions checked and
 * those without a seal.
 */
export function verifyHistorySeals(db: Database.Database, report: (finding: ContentFinding) => void): { versionsChecked: number; unsealed: number } {
  let versionsChecked = 0;
  let unsealed = 0;
  for (const h of db.prepare('SELECT id, record_kind, record_id, hlc, version_json FROM record_history').iterate() as IterableIterator<KeptVersion>) {
    versionsChecked += 1;
    const verdict = checkKeptVersion(db, h);
    if (verdict === 'unsealed') unsealed += 1;
    else if (verdict !== 'ok') report(verdict);
  }
  return { versionsChecked, unsealed };
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
