import type { ShareOrigin } from './sharing';

/** What a merge brought in, and what a person should look at. */
export interface MergeConflict {
  kind: 'concurrent_edit' | 'duplicate_domain' | 'duplicate_link' | 'duplicate_exhibit_number' | 'duplicate_team_member' | 'roster_unconfirmed';
  table: string;
  record_id: string;
  /** The version now current. */
  kept_hlc: string;
  /** The version moved to history (or the duplicate tombstoned). */
  superseded_hlc: string | null;
  message: string;
}

export interface MergeReport {
  otherPath: string;
  caseId: string;
  inserted: Record<string, number>;
  updated: Record<string, number>;
  appended: Record<string, number>;
  evidenceContentsCopied: number;
  conflicts: MergeConflict[];
  /** True when the other copy brought nothing new (merging twice changes nothing). */
  unchanged: boolean;
  /** When the other copy came as a share: who sent it, verified. */
  share?: ShareOrigin;
}
