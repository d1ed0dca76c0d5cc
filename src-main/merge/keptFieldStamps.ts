import type { ReadableDb } from '../casefile/openDatabase';
import { missingFieldStamps, missingStampFinding } from '../audit/missingFieldStamps';
import type { ContentFinding, SealedTable } from '../audit/verifyRecordSeals';
import { recordsAlteredError } from '../audit/recordsAlteredError';
import { MUTABLE_TABLES } from './mutableTables';

/** How many records a refusal names; the rest are counted. */
const MAX_NAMED = 50;

/**
 * Refuses (RECORDS_ALTERED, before anything is written) to merge into this copy when a record the
 * merge compares lacks a field stamp its current version must have here (audit/missingFieldStamps:
 * the rule `dossier check` holds every record to). A merge takes each field from the copy whose
 * stamp is later and reads a missing one as older than any: a stamp deleted with sqlite3 would
 * silently hand the field to the other copy's older value. The other copy's stamps are held to the
 * same rule by assertIncomingSealed (verifyFieldStamps). Only records both copies hold in
 * different versions are read: the ones mergeFields compares.
 */
export function assertOwnFieldStamps(target: ReadableDb, targetShownAs: string, other: ReadableDb): void {
  const lacking = missingFieldStamps(target);
  const findings: ContentFinding[] = [];
  let more = 0;
  for (const { table } of MUTABLE_TABLES) {
    const sealed = table as SealedTable;
    const held = target.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    const versions = other.prepare(`SELECT id, hlc FROM ${table}`);
    for (const incoming of versions.iterate() as IterableIterator<{ id: string; hlc: string }>) {
      const local = held.get(incoming.id) as (Record<string, unknown> & { id: string; hlc: string }) | undefined;
      if (!local || local.hlc === incoming.hlc) continue;
      const missing = lacking(sealed, local);
      if (!missing) continue;
      if (findings.length < MAX_NAMED) findings.push(missingStampFinding(sealed, local, missing));
      else more += 1;
    }
  }
  if (findings.length > 0) {
    throw recordsAlteredError(findings, more, targetShownAs, `Nothing was merged. Run "dossier check ${targetShownAs}" to see every finding; merge into a copy that passes it.`);
  }
}
