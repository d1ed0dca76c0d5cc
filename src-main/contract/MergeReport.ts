import type { ShareOrigin } from './sharing';

/** What a merge brought in, and what a person should look at. */
export interface MergeConflict {
  kind:
    | 'concurrent_edit'
    | 'delete_edit'
    | 'duplicate_domain'
    | 'duplicate_link'
    | 'duplicate_exhibit_number'
    | 'duplicate_team_member'
    | 'same_content'
    | 'roster_unconfirmed'
    /** Two productions from different copies numbered the same pages (see merge/productionOverlaps). */
    | 'bates_overlap';
  table: string;
  record_id: string;
  /** The version now current. */
  kept_hlc: string;
  /** The version moved to history (or the duplicate tombstoned). */
  superseded_hlc: string | null;
  message: string;
  /** The conflict kept in the case for review (`dossier conflicts`), when there is one. */
  conflict_id?: string;
}

export interface MergeReport {
  otherPath: string;
  caseId: string;
  inserted: Record<string, number>;
  updated: Record<string, number>;
  appended: Record<string, number>;
  evidenceContentsCopied: number;
  conflicts: MergeConflict[];
  /**
   * Teammates in this copy's roster before the merge that the other copy removed: their shares
   * are no longer accepted here and shares are no longer sent to them (share/rosterTrust.ts
   * removedRosterKeys says why a removal is applied, not held). Empty when none.
   */
  rosterRemoved: { name: string; fingerprint: string }[];
  /** True when the other copy brought nothing new: nothing was written ("already up to date"). */
  unchanged: boolean;
  /** When the other copy came as a share: who sent it, verified. */
  share?: ShareOrigin;
  /**
   * When the other copy showed this one was restored from a backup (it held more of this copy's
   * own audit chain): the chain it continues on now, and why, in words (merge/restoredChain).
   */
  restored?: { previousChain: string; chain: string; forkSeq: number; movedEntries: number; message: string };
}
