import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { AnyItem, ItemDetail } from '../contract/DossierApi';
import type { ItemKind, SiteStatus } from '../contract/enums';
import { DossierError } from '../contract/errors';
import type { HistoryVersion, Page } from '../contract/records';
import { countLinks, linkedItems } from './linkedItems';
import { getRecord } from '../records/getRecord';
import { type ListOptions, listRecords } from '../records/listRecords';
import type { RecordSpec } from '../records/RecordSpec';
import { deleteRecord } from '../records/updateRecord';
import { deleteWebsite, type LifecycleView, listWebsites } from '../websites/websiteService';
import { findItemKind, ITEM_SPECS } from './itemSpecs';

function specOf(kind: ItemKind): RecordSpec<{ id: string }> {
  return ITEM_SPECS[kind] as unknown as RecordSpec<{ id: string }>;
}

function requireKind(caseFile: CaseFile, id: string): ItemKind {
  const kind = findItemKind(caseFile, id);
  if (!kind) throw new DossierError('NOT_FOUND', `No record with id ${id} in this case.`);
  return kind;
}

/** A page of any kind of item; websites get their status/order filters and trigram search. */
export function listItems(
  caseFile: CaseFile,
  kind: ItemKind,
  options: ListOptions & { status?: string | undefined; orderId?: string | undefined; lifecycle?: LifecycleView | undefined; withinDays?: number | undefined },
): Page<AnyItem> {
  if (kind === 'website') {
    return listWebsites(caseFile, { ...options, status: options.status as SiteStatus | undefined });
  }
  return listRecords(caseFile, specOf(kind), options) as Page<AnyItem>;
}

/** Superseded versions of a record, newest first. */
export function recordHistory(caseFile: CaseFile, id: string, limit = 100): HistoryVersion[] {
  const rows = prepareCached(
    caseFile.db,
    'SELECT id, hlc, superseded_at, superseded_by, reason, version_json FROM record_history WHERE record_id = ? ORDER BY hlc DESC LIMIT ?',
  ).all(id, limit) as (Omit<HistoryVersion, 'version'> & { version_json: string })[];
  return rows.map(({ version_json, ...row }) => ({ ...row, version: JSON.parse(version_json) as Record<string, unknown> }));
}

/** An item with everything the detail pane shows: fields, linked items, history. */
export function itemDetail(caseFile: CaseFile, id: string, options: { includeDeleted?: boolean } = {}): ItemDetail {
  const kind = requireKind(caseFile, id);
  const item = getRecord(caseFile, specOf(kind), id, options) as AnyItem;
  return { kind, item, linked: linkedItems(caseFile, id, LINKED_PAGE_SIZE), linkedTotal: countLinks(caseFile, id), history: recordHistory(caseFile, id) } as ItemDetail;
}

/** Links shown per page in an item's details: enough to read, few enough to Tab past. */
export const LINKED_PAGE_SIZE = 50;

/** Tombstones any item by id. */
export function deleteItem(caseFile: CaseFile, id: string): void {
  const kind = requireKind(caseFile, id);
  if (kind === 'website') deleteWebsite(caseFile, id);
  else deleteRecord(caseFile, specOf(kind), id);
}
