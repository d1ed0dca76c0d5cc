import type { ReadableDb } from '../casefile/openDatabase';
import { missingFieldStamps, missingStampFinding } from '../audit/missingFieldStamps';
import type { ContentFinding, SealedTable } from '../audit/verifyRecordSeals';
import { recordsAlteredError } from '../audit/recordsAlteredError';
import { MUTABLE_TABLES } from './mutableTables';

/** How many records a refusal names; the rest are counted. */
const MAX_NAMED = 50;

/**
 * Refuses (RECORDS_ALTERED, before anything is written) a merge where either copy lacks a field
 * stamp its record's current version must have (audit/missingFieldStamps: the rule `dossier
 * check` holds every record to). A merge takes each field from the copy whose stamp is later and
 * reads a missing one as older than any: a stamp deleted with sqlite3 would silently hand the
 * field to the other copy's older value, on this copy and then on every copy it reaches. Only
 * records both copies hold in different versions are read: the ones mergeFields compares.
 */
export function assertFieldStampsKept(target: ReadableDb, targetShownAs: string, other: ReadableDb, otherShownAs: string, whatNow: string): void {
  const ours = missingFieldStamps(target);
  const theirs = missingFieldStamps(other);
  const found = { target: [] as ContentFinding[], other: [] as ContentFinding[] };
  let more = 0;
  const add = (list: ContentFinding[], finding: ContentFinding) => {
    if (list.length < MAX_NAMED) list.push(finding);
    else more += 1;
  };
  for (const { table } of MUTABLE_TABLES) {
    const sealed = table as SealedTable;
    const local = target.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    for (const incoming of other.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown> & { id: string; hlc: string }>) {
      const held = local.get(incoming.id) as (Record<string, unknown> & { id: string; hlc: string }) | undefined;
      if (!held || held.hlc === incoming.hlc) continue;
      const lackingHere = ours(sealed, held);
      if (lackingHere) add(found.target, missingStampFinding(sealed, held, lackingHere));
      const lackingThere = theirs(sealed, incoming);
      if (lackingThere) add(found.other, missingStampFinding(sealed, incoming, lackingThere));
    }
  }
  if (found.target.length > 0) {
    throw recordsAlteredError(found.target, more, targetShownAs, `Nothing was merged. Run "dossier check ${targetShownAs}" to see every finding; merge into a copy that passes it.`);
  }
  if (found.other.length > 0) throw recordsAlteredError(found.other, more, otherShownAs, `Nothing was merged. ${whatNow}`);
}
