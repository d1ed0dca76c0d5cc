import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import type { SealedTable } from '../casefile/recordDigest';
import { writeTransaction } from '../casefile/writeTransaction';
import type { ConflictListing, ConflictResolution, MergeConflictRecord } from '../contract/conflicts';
import { DossierError } from '../contract/errors';
import { renumberExhibit } from '../evidence/renumberExhibit';
import { batesSideWords } from '../packet/batesSideWords';
import { saveHistory } from '../records/saveHistory';
import { deleteRecord, updateRecord } from '../records/updateRecord';
import { type ConflictRow, decodeConflict } from './conflictRecords';
import { carryDuplicateLinks } from './carryDuplicateLinks';
import { carryDuplicateStatus } from './carryDuplicateStatus';
import { followDuplicateStatus } from './followDuplicateStatus';
import { listConflicts, mineTellsApart, nextFreeExhibitNumber, overlapSide, singleValueField } from './listConflicts';
import { MUTABLE_TABLES } from './mutableTables';
import { refuseAlteredConflict } from './refuseAlteredConflict';
import { reindexMerged } from './reindexMerged';

type Side = 'kept' | 'lost';

/**
 * Which version is "mine": the one written by whoever resolves (the actor's name, as the versions
 * record who wrote them). Two people on one machine share a device, so the name is what tells them apart.
 */
function mySide(caseFile: CaseFile, c: MergeConflictRecord, keep: 'mine' | 'theirs'): Side {
  const kept = c.kept_by === caseFile.actor.name;
  if (!mineTellsApart(caseFile, c)) {
    throw new DossierError(
      'INVALID_REQUEST',
      `Conflict ${c.id}: ${kept ? 'both versions were' : 'neither version was'} written by you (${caseFile.actor.name}), so "mine" and "theirs" do not tell them apart. ` +
        `Use ${sideChoices(c)}.`,
    );
  }
  const mine: Side = kept ? 'kept' : 'lost';
  return keep === 'mine' ? mine : mine === 'kept' ? 'lost' : 'kept';
}

/** How a side is named without "mine" or "theirs", for each kind: what a refusal offers instead. */
function sideChoices(c: MergeConflictRecord): string {
  switch (c.kind) {
    case 'delete_edit':
      return '--keep deleted or --keep live';
    case 'edit_edit':
      return `--keep kept (the version the merge kept) or --keep overwritten${singleValueField(c) ? `, or --keep VALUE for ${singleValueField(c)}` : ''}`;
    case 'exhibit_number':
      return `--keep ${c.record_id} or --keep ${c.other_record_id} (the exhibit that keeps its number), or --keep NUMBER (the new number of ${c.other_record_id})`;
    default:
      return `--keep ${c.record_id} or --keep ${c.other_record_id}`;
  }
}

/**
 * The side of a version conflict a choice names: mine|theirs (by author), kept|overwritten (what
 * the merge did), and for a delete/edit deleted|live. Null: not a side (a value).
 */
function namedSide(caseFile: CaseFile, c: MergeConflictRecord, choice: string): Side | null {
  if (choice === 'mine' || choice === 'theirs') return mySide(caseFile, c, choice);
  if (choice === 'kept') return 'kept';
  if (choice === 'overwritten') return 'lost';
  if (c.kind === 'delete_edit' && (choice === 'deleted' || choice === 'live')) {
    const keptDeleted = c.kept_value.deleted_at !== null && c.kept_value.deleted_at !== undefined;
    return (choice === 'deleted') === keptDeleted ? 'kept' : 'lost';
  }
  return null;
}

function tableSpec(table: string) {
  const found = MUTABLE_TABLES.find((t) => t.table === table);
  if (!found) throw new DossierError('INVALID_REQUEST', `Conflicts on ${table} records cannot be resolved here.`);
  return found.spec;
}

/** Un-deletes a record (the overwritten side of a delete/edit was the live one). */
function restoreRecord(caseFile: CaseFile, table: string, id: string): void {
  const spec = tableSpec(table);
  const current = prepareCached(caseFile.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
  if (!current.deleted_at) return;
  saveHistory(caseFile, spec.kind, current, 'restore');
  const now = nowIso();
  const hlc = caseFile.clock.tick();
  prepareCached(caseFile.db, `UPDATE ${table} SET deleted_at = NULL, updated_at = ?, updated_by = ?, hlc = ? WHERE id = ?`).run(now, caseFile.actor.name, hlc, id);
  reindexMerged(caseFile, [{ table, ids: [id] }]);
  appendAudit(caseFile, { action: `${spec.kind}.restore`, recordKind: spec.kind, recordId: id, detail: { hlc }, seal: [{ table: table as SealedTable, id }] });
}

/** Writes the chosen values of an edit conflict's fields into the record. */
function applyValues(caseFile: CaseFile, c: MergeConflictRecord, values: Record<string, unknown>): void {
  const spec = tableSpec(c.record_table);
  if ('deleted_at' in values) {
    if (values.deleted_at === null || values.deleted_at === undefined) restoreRecord(caseFile, c.record_table, c.record_id);
    else {
      const live = prepareCached(caseFile.db, `SELECT deleted_at FROM ${c.record_table} WHERE id = ?`).pluck().get(c.record_id);
      if (live === null) deleteRecord(caseFile, spec, c.record_id);
      return;
    }
  }
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (!spec.writable.includes(field)) continue;
    patch[field] = spec.jsonColumns.includes(field) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  if (Object.keys(patch).length > 0) updateRecord(caseFile, spec, c.record_id, patch, { auditAction: `${spec.kind}.resolve` });
}

/**
 * Which of the two records of a duplicate or a Bates overlap the person keeps: `mine` or `theirs`
 * (by who added each), or the id of one of them.
 */
function chosenRecord(caseFile: CaseFile, c: MergeConflictRecord, choice: string, what: string): string {
  if (choice === 'mine' || choice === 'theirs') return mySide(caseFile, c, choice) === 'kept' ? c.record_id : c.other_record_id!;
  if (choice === c.record_id || choice === c.other_record_id) return choice;
  throw new DossierError('INVALID_REQUEST', `Conflict ${c.id} is settled by the ${what} to keep: --keep mine, --keep theirs, or --keep ${c.record_id} or ${c.other_record_id}; got "${choice}".`);
}

/**
 * Keeps `survivor` of a duplicate pair live and tombstones the other (each an audited edit with a
 * fresh stamp, so it wins over the merge's settlement on every copy; merge/duplicateResolutions
 * makes later merges settle the pair the same way). The tombstone comes first: the two may not be
 * live at once (the live-key unique index).
 */
function keepDuplicate(caseFile: CaseFile, table: string, survivor: string, dropped: string): void {
  const spec = tableSpec(table);
  const live = prepareCached(caseFile.db, `SELECT deleted_at IS NULL FROM ${table} WHERE id = ?`).pluck();
  if (live.get(dropped) === 1) deleteRecord(caseFile, spec, dropped);
  if (live.get(survivor) === 0) restoreRecord(caseFile, table, survivor);
}

/** A typed value for one field: numbers stay numbers, JSON columns take JSON. */
function parseValue(c: MergeConflictRecord, field: string, text: string): unknown {
  const sample = c.kept_value[field] ?? c.lost_value[field];
  if (typeof sample === 'number') {
    const n = Number(text);
    if (!Number.isFinite(n)) throw new DossierError('INVALID_REQUEST', `${field} takes a number; got "${text}".`);
    return n;
  }
  return text;
}

/**
 * Settles a conflict: `mine` or `theirs` keeps one of the two versions (the overwritten one is
 * written back as a new edit, audited); any other text is the value to keep, for an edit conflict
 * on one field, or the new number of the other exhibit of a number clash. For a duplicate it says
 * which row stays (the other is tombstoned; nothing is lost: its history stays); for a Bates overlap
 * which production keeps the numbers (the other must be re-issued). Identical content is
 * acknowledged. The resolution itself is stamped and audited, and travels with merges.
 */
export function resolveConflict(caseFile: CaseFile, id: string, keep: string): ConflictListing {
  const choice = keep.trim();
  if (!choice) throw new DossierError('INVALID_REQUEST', 'Say what to keep: --keep mine, --keep theirs or --keep VALUE.');
  return writeTransaction(caseFile, () => {
    const row = prepareCached(caseFile.db, 'SELECT * FROM merge_conflict WHERE id = ?').get(id) as ConflictRow | undefined;
    if (!row) throw new DossierError('NOT_FOUND', `No conflict ${id} in this case; list them with: dossier conflicts ${caseFile.path}`);
    // Before anything else (a forged resolution would otherwise read as "already resolved").
    refuseAlteredConflict(caseFile.db, caseFile.path, row, 'resolve');
    const c = decodeConflict(row);
    if (c.resolution) throw new DossierError('INVALID_REQUEST', `Conflict ${id} was already resolved by ${c.resolved_by} at ${c.resolved_at}.`);
    const named = choice === 'mine' || choice === 'theirs' ? choice : null;
    let resolution: ConflictResolution;
    let resolvedValue: unknown = choice;
    // Links and status events a duplicate's tombstone handed to the row that stays: sealed by the resolution's entry.
    let carried: string[] = [];
    let carriedStatus: string[] = [];
    // Kept websites whose current status followed the carried history: sealed by that entry too.
    let followed: string[] = [];
    if (c.kind === 'edit_edit' || c.kind === 'delete_edit') {
      const side = namedSide(caseFile, c, choice);
      if (side) {
        if (side === 'lost') applyValues(caseFile, c, c.lost_value);
        resolution = side === 'kept' ? 'kept' : 'restored';
        resolvedValue = side === 'kept' ? c.kept_value : c.lost_value;
      } else {
        const field = singleValueField(c);
        if (field === null) {
          const what = c.kind === 'delete_edit' ? 'a deletion against an edit' : `about ${c.fields.join(', ')}`;
          const mine = mineTellsApart(caseFile, c) ? ' (or --keep mine, --keep theirs)' : '';
          throw new DossierError('INVALID_REQUEST', `Conflict ${id} is ${what}: a single value cannot settle it; use ${sideChoices(c)}${mine}.`);
        }
        resolvedValue = { [field]: parseValue(c, field, choice) };
        applyValues(caseFile, c, resolvedValue as Record<string, unknown>);
        resolution = 'value';
      }
    } else if (c.kind === 'exhibit_number') {
      const clash = prepareCached(caseFile.db, 'SELECT count(*) FROM evidence WHERE id IN (?, ?) AND deleted_at IS NULL AND exhibit_number = ?').pluck().get(c.record_id, c.other_record_id, c.kept_value.exhibit_number) as number;
      if (clash < 2) {
        resolution = 'acknowledged';
      } else {
        // Which exhibit keeps the number: mine|theirs, or its id; any other text is the other's new number.
        const keeper = named ? (mySide(caseFile, c, named) === 'kept' ? c.record_id : c.other_record_id!) : choice === c.record_id || choice === c.other_record_id ? choice : null;
        const moved = keeper === null ? c.other_record_id! : keeper === c.record_id ? c.other_record_id! : c.record_id;
        const number = keeper !== null ? nextFreeExhibitNumber(caseFile) : Number(parseValue(c, 'exhibit_number', choice));
        renumberExhibit(caseFile, moved, number);
        resolvedValue = { renumbered: moved, exhibit_number: number };
        resolution = 'value';
      }
    } else if (c.kind === 'duplicate') {
      const survivor = chosenRecord(caseFile, c, choice, 'row');
      const dropped = survivor === c.record_id ? c.other_record_id! : c.record_id;
      keepDuplicate(caseFile, c.record_table, survivor, dropped);
      carried = carryDuplicateLinks(caseFile);
      carriedStatus = carryDuplicateStatus(caseFile);
      followed = followDuplicateStatus(caseFile);
      resolution = survivor === c.record_id ? 'kept' : 'restored';
      resolvedValue = { survivor, tombstoned: dropped };
    } else if (c.kind === 'bates_overlap') {
      const keeps = chosenRecord(caseFile, c, choice, 'production');
      const reissue = keeps === c.record_id ? c.other_record_id! : c.record_id;
      const side = (production: string) => overlapSide(production, production === c.record_id ? c.kept_value : c.lost_value);
      resolution = 'value';
      // Nothing is renumbered: a filed production's pages carry their numbers. Counsel exports the
      // other one again as a new production, whose numbers continue after the last one used.
      resolvedValue = {
        keeps,
        reissue,
        note:
          `Production ${batesSideWords(side(keeps))} keeps the Bates numbers it shares with production ${batesSideWords(side(reissue))}. ` +
          `Production ${reissue} must be re-issued: export it again as a new production (its numbers then continue after the last one used); nothing was renumbered.`,
      };
    } else {
      if (!named) throw new DossierError('INVALID_REQUEST', `Conflict ${id} (${c.kind.replace('_', ' ')}) is acknowledged with --keep mine or --keep theirs.`);
      resolution = 'acknowledged';
    }
    const hlc = caseFile.clock.tick();
    prepareCached(caseFile.db, 'UPDATE merge_conflict SET resolution = ?, resolved_value = ?, resolved_at = ?, resolved_by = ?, hlc = ? WHERE id = ?').run(
      resolution,
      JSON.stringify(resolvedValue),
      nowIso(),
      caseFile.actor.name,
      hlc,
      id,
    );
    appendAudit(caseFile, {
      action: 'conflict.resolve',
      recordKind: c.record_table === 'case_info' ? 'case' : c.record_table === 'production' ? 'production' : tableSpec(c.record_table).kind,
      recordId: c.record_id,
      detail: { conflict: id, kind: c.kind, keep: choice, resolution, hlc, ...(carried.length ? { carried_links: carried } : {}), ...(carriedStatus.length ? { carried_status_events: carriedStatus } : {}), ...(followed.length ? { status_followed: followed } : {}) },
      // The resolved conflict row itself too (schema 14): its resolution travels and settles it on every copy.
      seal: [
        { table: 'merge_conflict' as const, id },
        ...carried.map((linkId) => ({ table: 'link' as const, id: linkId })),
        ...carriedStatus.map((eventId) => ({ table: 'website_status_event' as const, id: eventId })),
        ...followed.map((siteId) => ({ table: 'website' as const, id: siteId })),
      ],
    });
    return listConflicts(caseFile, { id })[0]!;
  });
}
