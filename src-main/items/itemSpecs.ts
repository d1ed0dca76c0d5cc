import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { ItemKind } from '../contract/enums';
import { ITEM_KINDS } from '../contract/enums';
import { DossierError } from '../contract/errors';
import type { ItemByKind, RecordRef } from '../contract/records';
import { evidenceSpec } from '../evidence/evidenceSpec';
import { noteSpec } from '../notes/noteService';
import { orderSpec } from '../orders/orderService';
import { stakeholderSpec } from '../stakeholders/stakeholderService';
import { websiteSpec } from '../websites/websiteSpec';
import { findRawRecord } from '../records/getRecord';
import type { RecordSpec } from '../records/RecordSpec';
import { decodeRow } from '../records/rowCodec';

/** The storage spec of every item kind a user links, lists and searches. */
export const ITEM_SPECS: { [K in ItemKind]: RecordSpec<ItemByKind[K]> } = {
  evidence: evidenceSpec,
  website: websiteSpec,
  order: orderSpec,
  stakeholder: stakeholderSpec,
  note: noteSpec,
};

/** Which kind of item an id belongs to (ids are UUIDs, unique across kinds). */
export function findItemKind(caseFile: CaseFile, id: string): ItemKind | undefined {
  const indexed = prepareCached(caseFile.db, 'SELECT record_kind FROM search_doc WHERE record_id = ?').pluck().get(id) as string | undefined;
  if (indexed && (ITEM_KINDS as readonly string[]).includes(indexed)) return indexed as ItemKind;
  return ITEM_KINDS.find((kind) => findRawRecord(caseFile, ITEM_SPECS[kind].table, id) !== undefined);
}

/** A short reference (kind, title, subtitle) to a live item; NOT_FOUND if it is missing or deleted. */
export function itemRef(caseFile: CaseFile, id: string, options: { includeDeleted?: boolean } = {}): RecordRef {
  const kind = findItemKind(caseFile, id);
  const spec = kind ? (ITEM_SPECS[kind] as unknown as RecordSpec<{ id: string }>) : undefined;
  const raw = spec ? findRawRecord(caseFile, spec.table, id) : undefined;
  if (!kind || !spec || !raw || (raw.deleted_at && !options.includeDeleted)) {
    throw new DossierError('NOT_FOUND', `No record with id ${id} in this case.`);
  }
  const row = decodeRow(spec, raw);
  return { kind, id, title: spec.title(row), subtitle: spec.subtitle(row) };
}
