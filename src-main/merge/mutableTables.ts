import { caseSpec } from '../case/caseSpec';
import { ITEM_SPECS } from '../items/itemSpecs';
import { linkSpec } from '../links/linkService';
import type { RecordSpec } from '../records/RecordSpec';
import { teamMemberSpec } from '../share/teamMemberSpec';
import { redactionSpec } from '../redaction/redactionSpec';

export interface MutableTable {
  table: string;
  spec: RecordSpec<{ id: string }>;
  /** The live-row uniqueness rule (partial unique index) a merge can collide with, if any. */
  uniqueKey: readonly string[] | null;
  duplicateKind: 'duplicate_domain' | 'duplicate_link' | 'duplicate_team_member' | null;
}

const asGeneric = (spec: unknown) => spec as RecordSpec<{ id: string }>;

/**
 * Mutable record tables in the order a merge fills them: referenced rows before the rows that
 * reference them (orders point at evidence documents). Change together with the migrations.
 */
export const MUTABLE_TABLES: readonly MutableTable[] = [
  { table: 'case_info', spec: asGeneric(caseSpec), uniqueKey: null, duplicateKind: null },
  { table: 'evidence', spec: asGeneric(ITEM_SPECS.evidence), uniqueKey: null, duplicateKind: null },
  { table: 'website', spec: asGeneric(ITEM_SPECS.website), uniqueKey: ['dedupe_key'], duplicateKind: 'duplicate_domain' },
  { table: 'court_order', spec: asGeneric(ITEM_SPECS.order), uniqueKey: null, duplicateKind: null },
  { table: 'stakeholder', spec: asGeneric(ITEM_SPECS.stakeholder), uniqueKey: null, duplicateKind: null },
  { table: 'note', spec: asGeneric(ITEM_SPECS.note), uniqueKey: null, duplicateKind: null },
  { table: 'link', spec: asGeneric(linkSpec), uniqueKey: ['from_id', 'to_id', 'relation'], duplicateKind: 'duplicate_link' },
  // Rosters merge like records: a teammate added on either copy is on both (0030-team-roster).
  { table: 'team_member', spec: asGeneric(teamMemberSpec), uniqueKey: ['fingerprint'], duplicateKind: 'duplicate_team_member' },
  // Redaction decisions (0100), after the exhibits they point at; detected ones share ids across copies.
  { table: 'redaction', spec: asGeneric(redactionSpec), uniqueKey: null, duplicateKind: null },
];

/** An append-only table and its primary key: rows the target lacks are copied, nothing else moves. */
export interface AppendOnlyTable {
  table: string;
  key: readonly string[];
}

/**
 * Everything else that is a fact of the case and travels with a merge: append-only tables unioned
 * by primary key, parents first (foreign keys), after the mutable tables they point at. A new
 * append-only table that must travel (productions, ...) is one line here (and, for the merge
 * summary's words, a label in cli/commands/mergeCommands.ts APPENDED_LABELS).
 */
export const APPEND_ONLY_TABLES: readonly AppendOnlyTable[] = [
  // Packets as exported, and where each exhibit landed (Bates ranges): 0040-packet-exports. Taken
  // in only as their audit entry and custody events recorded them (merge/incomingPackets.ts).
  { table: 'packet_export', key: ['id'] },
  { table: 'packet_exhibit', key: ['packet_id', 'evidence_id'] },
  { table: 'custody_event', key: ['id'] },
  { table: 'website_status_event', key: ['id'] },
  // Productions (0090): the Bates numbers and input a filing froze, so any copy re-exports the same bytes.
  { table: 'production', key: ['id'] },
];
