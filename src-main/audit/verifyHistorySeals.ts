import type Database from 'better-sqlite3';
import { changedFields, recordDigest } from '../casefile/recordDigest';
import type { ContentFinding } from './verifyRecordSeals';

interface HistoryRow {
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
  const sealsOf = db.prepare('SELECT digest, field_digests FROM audit_seal WHERE record_id = ? AND record_hlc = ?');
  let versionsChecked = 0;
  let unsealed = 0;
  for (const h of db.prepare('SELECT id, record_kind, record_id, hlc, version_json FROM record_history').iterate() as IterableIterator<HistoryRow>) {
    versionsChecked += 1;
    const seals = sealsOf.all(h.record_id, h.hlc) as { digest: string; field_digests: string }[];
    if (seals.length === 0) {
      unsealed += 1;
      continue;
    }
    const what = `record_history ${h.id} (the version of ${h.record_kind} ${h.record_id} stamped ${h.hlc})`;
    let version: Record<string, unknown>;
    try {
      version = JSON.parse(h.version_json) as Record<string, unknown>;
    } catch {
      report({ kind: 'record_changed', table: 'record_history', id: h.id, fields: ['version_json'], message: `${what} is not readable JSON: it was changed behind the app's back.` });
      continue;
    }
    const digest = recordDigest(version);
    if (seals.some((s) => s.digest === digest)) continue;
    const fields = changedFields(version, seals[0]!.field_digests);
    report({
      kind: 'record_changed',
      table: 'record_history',
      id: h.id,
      fields,
      message: `${what} differs from the state its audit entry sealed when it was current${fields.length ? ` (${fields.join(', ')})` : ''}: it was changed behind the app's back.`,
    });
  }
  return { versionsChecked, unsealed };
}
