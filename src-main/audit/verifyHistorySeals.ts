import type Database from 'better-sqlite3';
import { changedFields, recordDigest } from '../casefile/recordDigest';
import type { ContentFinding } from './verifyRecordSeals';

interface HistoryRow {
  id: string;
  record_kind: string;
  record_id: string;
  hlc: string;
  version_json: string;
  superseded_at: string;
}

/**
 * Checks every old version kept in record_history (what `dossier show` lists and `site import
 * --rollback` puts back) against the seal the audit chain wrote when that version was current: the
 * seal of (record id, version stamp) holds the SHA-256 of the whole row, so a kept version edited
 * with sqlite3 is found and its fields named. A version with no seal at all was never current in a
 * sealed case (added behind the app's back), unless it was superseded before the file was upgraded
 * to schema 5 (the first seals): those are counted as unverifiable, not reported, as they cannot be
 * told from forged ones. Returns the versions checked and those that predate seals.
 */
export function verifyHistorySeals(db: Database.Database, report: (finding: ContentFinding) => void): { versionsChecked: number; unsealedBeforeSeals: number } {
  const sealsOf = db.prepare('SELECT digest, field_digests FROM audit_seal WHERE record_id = ? AND record_hlc = ?');
  // When an older file got its first seals (0050's baseline chain): versions superseded before then had none.
  const sealedSince = db.prepare("SELECT min(at) FROM audit_entry WHERE chain LIKE 'upgrade-v5-%'").pluck().get() as string | null;
  let versionsChecked = 0;
  let unsealedBeforeSeals = 0;
  for (const h of db.prepare('SELECT id, record_kind, record_id, hlc, version_json, superseded_at FROM record_history').iterate() as IterableIterator<HistoryRow>) {
    versionsChecked += 1;
    const what = `record_history ${h.id} (the version of ${h.record_kind} ${h.record_id} stamped ${h.hlc})`;
    const seals = sealsOf.all(h.record_id, h.hlc) as { digest: string; field_digests: string }[];
    if (seals.length === 0) {
      if (sealedSince !== null && h.superseded_at < sealedSince) unsealedBeforeSeals += 1;
      else report({ kind: 'record_unaudited', table: 'record_history', id: h.id, fields: [], message: `${what} was never sealed by an audit entry while it was current: it was added behind the app's back.` });
      continue;
    }
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
  return { versionsChecked, unsealedBeforeSeals };
}
