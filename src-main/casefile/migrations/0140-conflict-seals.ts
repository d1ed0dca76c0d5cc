import type Database from 'better-sqlite3';
import { writeBaselineSeals } from './baselineSeals';
import type { Migration } from './Migration';

/**
 * Merge conflicts are sealed like records (recordDigest CONFLICT_SEALED_TABLES): the case.merge
 * entry that writes or brings a conflict row and the conflict.resolve entry that closes it seal
 * the row. A conflict's values are written into records when it is resolved, and its resolution
 * closes it on every copy it reaches, so a row inserted or closed with sqlite3 must not pass for
 * one the app wrote: `dossier check` names it, a merge refuses a copy holding one, and
 * `conflicts resolve` refuses to act on it.
 *
 * No schema change (merge_conflict_no_delete already refuses deletions; a row removed after
 * dropping it is named as missing against its seal). Rows already there get a baseline, as 0050
 * and 0120 gave theirs: entries "baseline at upgrade" on a chain of their own
 * (`upgrade-v14-<random>`) sealing them as they stand now. A row forged before this upgrade cannot
 * be told from one a merge wrote; README says so. The table name is written out, not taken from
 * recordDigest's list, so the migration stays as it landed.
 */
export const conflictSeals: Migration = {
  version: 14,
  name: 'conflict-seals',
  up(db: Database.Database): void {
    writeBaselineSeals(db, 14, ['merge_conflict']);
  },
};
