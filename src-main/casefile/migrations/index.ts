import { initialSchema } from './0010-initial';
import { evidenceVault } from './0020-evidence-vault';
import { teamRoster } from './0030-team-roster';
import { packetExports } from './0040-packet-exports';
import { auditSeals } from './0050-audit-seals';
import { websiteListIndexes } from './0060-website-list-indexes';
import { webCaptures } from './0070-web-captures';
import { mergeConflicts } from './0080-merge-conflicts';
import { productions } from './0090-productions';
import { redactions } from './0100-redactions';
import { batesOverlapConflicts } from './0110-bates-overlap-conflicts';
import { filingSeals } from './0120-filing-seals';
import { websiteSearchEntries } from './0130-website-search-entries';
import { conflictSeals } from './0140-conflict-seals';
import type { Migration } from './Migration';

/** Every schema step, in order. Append only: a landed migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, evidenceVault, teamRoster, packetExports, auditSeals, websiteListIndexes, webCaptures, mergeConflicts, productions, redactions, batesOverlapConflicts, filingSeals, websiteSearchEntries, conflictSeals];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
