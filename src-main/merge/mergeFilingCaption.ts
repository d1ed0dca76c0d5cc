import type Database from 'better-sqlite3';
import type { CaseFile } from '../casefile/CaseFile';
import type { MergeConflict } from '../contract/MergeReport';
import type { CaptionRow } from '../packet/filingCaption';
import { saveHistory } from '../records/saveHistory';

const FIELDS = ['court', 'judge', 'judge_initials', 'parties', 'counsel'] as const;
const latest = (db: Database.Database) => db.prepare('SELECT * FROM filing_caption ORDER BY hlc DESC LIMIT 1').get() as CaptionRow | undefined;

/**
 * The filing caption (court, judge, parties, counsel: one per case, 0090) travels like a record:
 * the later stamp wins whole, kept in the one row the case has. When both copies had set it to
 * different values, the overwritten side is named in the report with what it held, and kept in
 * the record history (a caption has no per-field stamps to merge by). Returns 1 when ours changed.
 */
export function mergeFilingCaption(target: CaseFile, other: Database.Database, conflicts: MergeConflict[]): number {
  const theirs = latest(other);
  const ours = latest(target.db);
  if (!theirs || (ours && ours.hlc >= theirs.hlc)) return 0;
  // Refuses a stamp from a clock too far ahead, and keeps our next edit after theirs.
  target.clock.observe(theirs.hlc);
  const values = [theirs.court, theirs.judge, theirs.judge_initials, theirs.parties, theirs.counsel, theirs.updated_at, theirs.updated_by, theirs.hlc];
  if (ours) {
    const changed = FIELDS.filter((f) => ours[f] !== theirs[f]);
    // Ours is overwritten whole: it stays in the record history, and the report says what it held.
    if (changed.length > 0) saveHistory(target, 'filing_caption', { ...ours }, 'merge');
    target.db.prepare('UPDATE filing_caption SET court = ?, judge = ?, judge_initials = ?, parties = ?, counsel = ?, updated_at = ?, updated_by = ?, hlc = ? WHERE id = ?').run(...values, ours.id);
    if (changed.length > 0) {
      const held = changed.map((f) => `${f}: ${ours[f] ?? '(none)'}`).join('; ');
      conflicts.push({
        kind: 'concurrent_edit',
        table: 'filing_caption',
        record_id: ours.id,
        kept_hlc: theirs.hlc,
        superseded_hlc: ours.hlc,
        message:
          `The filing caption was also changed on the other copy (${changed.join(', ')}), later, by ${theirs.updated_by}: theirs is kept. ` +
          `Ours held ${held}; it is kept in the caption's history (record_history). Enter again what should stay with dossier caption / party / counsel, then check it with: dossier caption show`,
      });
    }
  } else {
    target.db.prepare('INSERT INTO filing_caption (court, judge, judge_initials, parties, counsel, updated_at, updated_by, hlc, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...values, theirs.id);
  }
  return 1;
}
