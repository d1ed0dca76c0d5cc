import type Database from 'better-sqlite3';
import { writeBaselineSeals } from './baselineSeals';
import type { Migration } from './Migration';

/**
 * Productions and the filing caption are sealed like records (recordDigest FILING_SEALED_TABLES):
 * the audit entry that writes one (packet.export, caption.update, case.merge) seals the row, so
 * `dossier check` finds a production's frozen input or Bates range, or the caption's court, judge,
 * parties or counsel, edited behind the app's back, and names the field.
 *
 * No schema change. Rows already there get a baseline, as 0050 gave the records: entries
 * "baseline at upgrade" on a chain of their own (`upgrade-v12-<random>`) sealing them as they
 * stand now. An edit made to them before this upgrade cannot be told from the original (nothing
 * recorded their content before); README says so. The table names are written out, not taken
 * from recordDigest's list, so the migration stays as it landed.
 */
export const filingSeals: Migration = {
  version: 12,
  name: 'filing-seals',
  up(db: Database.Database): void {
    writeBaselineSeals(db, 12, ['production', 'filing_caption']);
  },
};
