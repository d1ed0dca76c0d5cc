import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { ConflictListing, MergeConflictRecord } from '../contract/conflicts';
import { type BatesSide, batesSideWords } from '../packet/batesSideWords';
import { type ConflictRow, decodeConflict } from './conflictRecords';
import { alteredConflictWords, conflictSealChecker } from './refuseAlteredConflict';

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function values(v: Record<string, unknown>): string {
  return Object.entries(v).map(([k, x]) => `${k}=${show(x)}`).join(', ');
}

/** The smallest exhibit number no live exhibit has: what an exhibit-number clash proposes. */
export function nextFreeExhibitNumber(caseFile: CaseFile): number {
  return ((prepareCached(caseFile.db, 'SELECT max(exhibit_number) FROM evidence WHERE deleted_at IS NULL').pluck().get() as number | null) ?? 0) + 1;
}

/** One sentence on a conflict, for the CLI and the Conflicts view. */
export function describeConflict(c: MergeConflictRecord): string {
  switch (c.kind) {
    case 'edit_edit':
      return (
        `${c.record_table} ${c.record_id} was edited on two copies: kept ${values(c.kept_value)} (${c.kept_by}, ${c.kept_at}); overwritten ${values(c.lost_value)} (${c.lost_by}, ${c.lost_at}).` +
        (c.resolution === 'restored' ? ` The overwritten values were restored by ${c.resolved_by}.` : c.resolution === 'value' ? ` ${c.resolved_by} set another value.` : '')
      );
    case 'delete_edit': {
      const keptDeleted = c.kept_value.deleted_at !== null && c.kept_value.deleted_at !== undefined;
      const merged = keptDeleted ? 'deletion' : 'edit';
      const other = keptDeleted ? 'edit' : 'deletion';
      // Once resolved, the sentence says what stands now, not what the merge did.
      const outcome = c.resolution === 'restored' ? `the ${other} was restored by ${c.resolved_by}` : c.resolution ? `the ${merged} stays (${c.resolved_by} chose it)` : `the ${merged} is kept`;
      return `${c.record_table} ${c.record_id} was ${keptDeleted ? `deleted by ${c.kept_by}` : `edited by ${c.kept_by}`} and ${keptDeleted ? `edited by ${c.lost_by}` : `deleted by ${c.lost_by}`} on another copy; ${outcome}.`;
    }
    case 'duplicate': {
      // Values the tombstoned row held (merges since the fix record them): shown so none is dropped unseen.
      const held = Object.entries(c.lost_value).filter(([field]) => !(field in c.kept_value)).map(([field, value]) => `${field}: ${show(value)}`);
      return `${c.record_table} ${c.other_record_id} (added by ${c.lost_by}) duplicated ${c.record_id} (added by ${c.kept_by}): ${values(c.kept_value)}; the duplicate was tombstoned${held.length ? `; it held ${held.join('; ')} (copy what the kept row lacks with dossier edit)` : ''}.`;
    }
    case 'exhibit_number':
      return `Exhibits ${c.record_id} (${show(c.kept_value.title)}) and ${c.other_record_id} (${show(c.lost_value.title)}) are both numbered ${show(c.kept_value.exhibit_number)}.`;
    case 'same_content':
      return `Exhibits ${c.record_id} (${show(c.kept_value.title)}) and ${c.other_record_id} (${show(c.lost_value.title)}) hold identical bytes: possibly one piece of evidence added twice.`;
    case 'bates_overlap':
      return (
        `Productions ${batesSideWords(overlapSide(c.record_id, c.kept_value), `by ${c.kept_by}, ${c.kept_at}`)} and ` +
        `${batesSideWords(overlapSide(c.other_record_id!, c.lost_value), `by ${c.lost_by}, ${c.lost_at}`)} were made on different copies and use the same Bates numbers.` +
        (c.resolution ? ` ${String((c.resolved_value as { note?: unknown } | null)?.note ?? '')}` : ' One of them must keep the numbers and the other be re-issued as a new production.')
      );
  }
}

/** One production of a bates_overlap conflict, from the values its row keeps (merge/productionOverlaps sideValue). */
export function overlapSide(id: string, value: Record<string, unknown>): BatesSide {
  return { id, prefix: String(value.bates_prefix), range: String(value.bates_range) };
}

/** True while the two exhibits of a number clash are both live and still share the number. */
function stillClashing(caseFile: CaseFile, c: MergeConflictRecord): boolean {
  return (prepareCached(caseFile.db, 'SELECT count(*) FROM evidence WHERE id IN (?, ?) AND deleted_at IS NULL AND exhibit_number = ?').pluck().get(c.record_id, c.other_record_id, c.kept_value.exhibit_number) as number) === 2;
}

/** How each kind is named in lists: the words the issue and the docs use. */
export const CONFLICT_KIND_WORDS: Readonly<Record<MergeConflictRecord['kind'], string>> = {
  edit_edit: 'edit/edit',
  delete_edit: 'delete/edit',
  duplicate: 'duplicate',
  exhibit_number: 'exhibit number',
  same_content: 'same content',
  bates_overlap: 'Bates overlap',
};

/**
 * True when "mine" and "theirs" tell the two sides apart for this person: exactly one of them is
 * theirs (by the actor's name, as the versions record who wrote them). resolveConflict refuses them otherwise.
 */
export function mineTellsApart(caseFile: CaseFile, c: MergeConflictRecord): boolean {
  return (c.kept_by === caseFile.actor.name) !== (c.lost_by === caseFile.actor.name);
}

/** The one field (besides the deletion) an edit conflict is about, or null: what --keep VALUE sets. */
export function singleValueField(c: MergeConflictRecord): string | null {
  const fields = c.fields.filter((f) => f !== 'deleted_at');
  return c.kind === 'edit_edit' && fields.length === 1 ? fields[0]! : null;
}

function proposalFor(caseFile: CaseFile, c: MergeConflictRecord): string | null {
  if (c.resolution) return null;
  const mine = mineTellsApart(caseFile, c);
  if (c.kind === 'exhibit_number' && !stillClashing(caseFile, c)) return 'the numbers no longer clash: acknowledge with --keep mine';
  if (c.kind === 'exhibit_number') {
    return `renumber exhibit ${c.other_record_id} to ${nextFreeExhibitNumber(caseFile)} (${mine ? '--keep mine|theirs' : `--keep ${c.record_id}|${c.other_record_id}`} chooses which exhibit keeps ${show(c.kept_value.exhibit_number)})`;
  }
  if (c.kind === 'edit_edit') {
    const sides = mine ? '--keep mine|theirs' : '--keep kept|overwritten (the version the merge kept, or the one it overwrote)';
    return singleValueField(c) ? `${sides}, or --keep VALUE for ${singleValueField(c)}` : sides;
  }
  if (c.kind === 'delete_edit') return mine ? '--keep mine|theirs (or --keep deleted|live)' : '--keep deleted|live';
  const ids = `${c.record_id}|${c.other_record_id}`;
  if (c.kind === 'duplicate') return `${mine ? `--keep mine|theirs (or --keep ${ids})` : `--keep ${ids}`}: which of the two rows stays; the other is tombstoned`;
  if (c.kind === 'bates_overlap') {
    return `${mine ? `--keep mine|theirs (or --keep ${ids})` : `--keep ${ids}`}: which production keeps the numbers; the other must then be exported again as a new production`;
  }
  return 'acknowledge with --keep mine';
}

/** The `--keep` text that resolves it for this person (see ConflictListing.resolveWith). */
function resolveWithFor(caseFile: CaseFile, c: MergeConflictRecord, proposal: string | null): string | null {
  if (proposal === null) return null;
  if (c.kind === 'edit_edit' || c.kind === 'delete_edit' || c.kind === 'duplicate' || c.kind === 'bates_overlap') return proposal;
  if (c.kind === 'exhibit_number' && stillClashing(caseFile, c)) {
    return `${mineTellsApart(caseFile, c) ? '--keep mine|theirs|NUMBER' : `--keep ${c.record_id}|${c.other_record_id}|NUMBER`}  (proposed: ${proposal})`;
  }
  return `--keep mine  (${proposal})`;
}

/**
 * The case's conflicts, open ones first (oldest first); resolved ones only when asked, or the one
 * named by `id`. Each listed row is checked against its seal (the check resolve makes), so a row put
 * in behind the app's back is listed as not verified instead of as a teammate's work; only the rows
 * listed are checked, so the listing stays as fast as what it shows.
 */
export function listConflicts(caseFile: CaseFile, options: { includeResolved?: boolean; id?: string } = {}): ConflictListing[] {
  const rows = (
    options.id !== undefined
      ? prepareCached(caseFile.db, 'SELECT * FROM merge_conflict WHERE id = ?').all(options.id)
      : prepareCached(caseFile.db, `SELECT * FROM merge_conflict ${options.includeResolved ? '' : 'WHERE resolution IS NULL'} ORDER BY resolution IS NOT NULL, kept_at, id`).all()
  ) as ConflictRow[];
  const sealFinding = conflictSealChecker(caseFile.db);
  return rows.map((row) => {
    const finding = sealFinding(row);
    const record = decodeConflict(row);
    const settled = record.kind === 'exhibit_number' && !record.resolution && !stillClashing(caseFile, record);
    const proposal = proposalFor(caseFile, record);
    return {
      ...record,
      summary: `${describeConflict(record)}${settled ? ' They have been renumbered since.' : ''}`,
      proposal,
      // Resolve refuses a row its seal does not vouch for: no choice is offered for it.
      resolveWith: finding ? null : resolveWithFor(caseFile, record, proposal),
      mineTellsApart: mineTellsApart(caseFile, record),
      verified: finding === null,
      unverifiedReason: finding ? alteredConflictWords(finding).replace(/\.$/, '') : null,
    };
  });
}

/** How many conflicts wait for review (the Conflicts badge). */
export function countOpenConflicts(caseFile: CaseFile): number {
  return prepareCached(caseFile.db, 'SELECT count(*) FROM merge_conflict WHERE resolution IS NULL').pluck().get() as number;
}
