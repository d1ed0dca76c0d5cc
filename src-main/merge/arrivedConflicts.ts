import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';
import type { MergeConflict } from '../contract/MergeReport';
import { type ConflictRow, decodeConflict } from './conflictRecords';
import { describeConflict } from './listConflicts';

const REPORT_KIND: Readonly<Record<string, MergeConflict['kind']>> = {
  edit_edit: 'concurrent_edit',
  delete_edit: 'delete_edit',
  exhibit_number: 'duplicate_exhibit_number',
  same_content: 'same_content',
  bates_overlap: 'bates_overlap',
};
const DUPLICATE_KIND: Readonly<Record<string, MergeConflict['kind']>> = {
  website: 'duplicate_domain',
  link: 'duplicate_link',
  team_member: 'duplicate_team_member',
};

/**
 * Conflicts this merge brought from the other copy (found there, not here), as merge-report
 * entries: so the person whose value was overwritten hears of it on the return merge too.
 */
export function arrivedConflicts(db: Database.Database, before: Set<string>, reported: readonly MergeConflict[]): MergeConflict[] {
  const known = new Set([...before, ...reported.map((c) => c.conflict_id)]);
  const rows = prepareCached(db, 'SELECT * FROM merge_conflict WHERE resolution IS NULL ORDER BY kept_at, id').all() as ConflictRow[];
  return rows
    .filter((r) => !known.has(r.id))
    .map((r) => ({
      kind: r.kind === 'duplicate' ? (DUPLICATE_KIND[r.record_table] ?? 'concurrent_edit') : REPORT_KIND[r.kind]!,
      table: r.record_table,
      record_id: r.record_id,
      kept_hlc: r.kept_hlc,
      superseded_hlc: r.lost_hlc,
      conflict_id: r.id,
      message: `Found on the other copy: ${describeConflict(decodeConflict(r))} Review with: dossier conflicts`,
    }));
}
