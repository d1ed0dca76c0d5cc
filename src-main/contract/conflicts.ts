/**
 * Conflicts a merge found, kept in the case until someone resolves them (issue 17; table
 * merge_conflict of migration 0080). "Kept" is the version the merge left current, "lost" the one
 * it overwrote (kept in the record's history): both values, who wrote them and when.
 */
export const CONFLICT_KINDS = ['edit_edit', 'delete_edit', 'duplicate', 'exhibit_number', 'same_content', 'bates_overlap'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CONFLICT_RESOLUTIONS = ['kept', 'restored', 'value', 'acknowledged'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

export interface MergeConflictRecord {
  id: string;
  kind: ConflictKind;
  /** Table of the record (evidence, website, note, ...). */
  record_table: string;
  record_id: string;
  /** The other record of a duplicate or of an exhibit-number clash. */
  other_record_id: string | null;
  /** The fields that differ. */
  fields: string[];
  kept_value: Record<string, unknown>;
  lost_value: Record<string, unknown>;
  kept_hlc: string;
  lost_hlc: string | null;
  kept_by: string;
  lost_by: string | null;
  kept_at: string;
  lost_at: string | null;
  resolution: ConflictResolution | null;
  resolved_value: unknown;
  resolved_at: string | null;
  resolved_by: string | null;
  hlc: string;
}

/** A conflict as listed: the record plus what to do about it, in words. */
export interface ConflictListing extends MergeConflictRecord {
  /** One sentence for people (the CLI and the Conflicts view show it). */
  summary: string;
  /** What resolving it would do, e.g. "renumber exhibit ... to 7". */
  proposal: string | null;
  /**
   * The `--keep` choices that resolve it for the person listing it (null once resolved): "mine"
   * and "theirs" only when exactly one side is theirs, else the words or ids that name a side.
   * Also null when the row is not verified: resolving it is refused (CASE_CHECK_FAILED).
   */
  resolveWith: string | null;
  /** True when exactly one side was written by the person listing it: "mine" and "theirs" then name a side. */
  mineTellsApart: boolean;
  /**
   * True when the row matches the state an audit entry sealed (schema 14), checked when listed.
   * False for a row inserted or changed behind the app's back: its values and names are not what
   * any merge wrote, resolve and merge refuse it, and every view must say so rather than show it
   * as a teammate's work.
   */
  verified: boolean;
  /** Why it is not verified, one line (e.g. "no audit entry ever recorded it ..."); null when verified. */
  unverifiedReason: string | null;
}
