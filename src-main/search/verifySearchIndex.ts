import { CAPTURE_PAGE_SEARCH_KIND, capturePageSearchText } from '../captures/writeCaptureRecords';
import type { CaseFile } from '../casefile/CaseFile';
import { ITEM_KINDS } from '../contract/enums';
import type { Evidence } from '../contract/records';
import { evidenceSearchText } from '../evidence/evidenceText';
import { ITEM_SPECS } from '../items/itemSpecs';
import type { RecordSpec } from '../records/RecordSpec';
import { decodeRow } from '../records/rowCodec';
import { hostSearchText } from '../websites/websiteService';
import { needsFullTextEntry } from '../websites/siteSearchEntry';
import type { SearchedSiteFields } from '../websites/websiteSpec';

/** A record whose entry in the search index says something the record does not. */
export interface SearchIndexFinding {
  table: string;
  id: string;
  fields: string[];
  message: string;
}

type Indexed = { _kind: string | null; _title: string | null; _body: string | null };

/**
 * The full-text index (search_doc + search_fts) and the host trigram index against what each
 * live record gives now: every item's search text (its spec's searchText; an exhibit's with its
 * verified extracted text, evidenceSearchText) and every captured page's. The records are
 * verified by their seals and captured pages by their archive, so an index entry that differs
 * was written behind the app's back: search would show a record saying what it does not, or hide
 * what it says. One pass over each table with two indexed look-ups per row; no text is extracted.
 * Entries of deleted or missing records are not looked at: search never shows them.
 */
export function verifySearchIndex(caseFile: CaseFile, report: (finding: SearchIndexFinding) => void): number {
  const { db } = caseFile;
  let checked = 0;
  const compare = (table: string, kind: string, id: string, indexed: Indexed, expected: { title: string; body: string } | null) => {
    checked += 1;
    if (!expected) {
      if (indexed._kind !== null) report({ table: 'search_fts', id, fields: [], message: `The search index holds text for ${table} ${id}, which has none to search; written behind the app's back.` });
      return;
    }
    if (indexed._kind === null || indexed._title === null) {
      report({ table: 'search_fts', id, fields: [], message: `${table} ${id} is missing from the search index: search cannot find it; removed behind the app's back.` });
      return;
    }
    const fields = [...(indexed._kind !== kind ? ['kind'] : []), ...(indexed._title !== expected.title ? ['title'] : []), ...(indexed._body !== expected.body ? ['body'] : [])];
    if (fields.length > 0) {
      report({ table: 'search_fts', id, fields, message: `The search index entry of ${table} ${id} (${fields.join(', ')}) is not what the record says: search would show it saying what it does not. Changed behind the app's back.` });
    }
  };
  const indexJoin = `LEFT JOIN search_doc d ON d.record_id = t.id LEFT JOIN search_fts f ON f.rowid = d.rowid`;
  const indexColumns = `d.record_kind AS _kind, f.title AS _title, f.body AS _body`;
  for (const kind of ITEM_KINDS) {
    const spec = ITEM_SPECS[kind] as unknown as RecordSpec<{ id: string }>;
    // One statement per table: the host trigram entry comes in the same join (a look-up per row cost 40% more).
    const hosts = kind === 'website' ? ', h.host AS _host' : ', NULL AS _host';
    const hostJoin = kind === 'website' ? 'LEFT JOIN host_trigram h ON h.rowid = t.rowid' : '';
    const rows = db.prepare(`SELECT t.*, ${indexColumns}${hosts} FROM ${spec.table} t ${indexJoin} ${hostJoin} WHERE t.deleted_at IS NULL`).iterate() as IterableIterator<Record<string, unknown> & Indexed & { _host: string | null; id: string }>;
    // The index columns ride along in the row (searchText reads only the record's own): copying
    // the row without them cost a fifth of the pass on a large site list.
    for (const raw of rows) {
      if (kind === 'website') verifyHost(raw._host, raw as unknown as { id: string; host_ascii: string; host_unicode: string }, report);
      // A bulk import gives a full-text entry only to sites with more to search than their host
      // (needsFullTextEntry; the trigram index finds the rest), so most have none: only those
      // that should have one are decoded and compared. Files from before schema 13 get theirs
      // from migration 0130 (an older schema is not read at all, openCaseFile).
      if (kind === 'website' && raw._kind === null && !needsFullTextEntry(storedSearchedFields(raw))) {
        checked += 1;
        continue;
      }
      const row = decodeRow(spec, raw);
      const expected = kind === 'evidence' ? evidenceSearchText(db, row as unknown as Evidence) : spec.searchText(row);
      compare(spec.table, kind, raw.id, raw, expected);
    }
  }
  const hasCaptures = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'capture_page'").get() !== undefined;
  if (!hasCaptures) return checked; // a file from before web captures (schema 7), checked read-only
  const pages = db.prepare(`SELECT t.id, t.url, t.title, t.text, ${indexColumns} FROM capture_page t ${indexJoin}`).iterate() as IterableIterator<{ id: string; url: string; title: string | null; text: string } & Indexed>;
  for (const page of pages) compare('capture_page', CAPTURE_PAGE_SEARCH_KIND, page.id, page, capturePageSearchText(page));
  return checked;
}

/**
 * A live website's entry in the host trigram index (substring search over host names), where it
 * has one: an import stopped midway leaves its rows without one until it is resumed (the imports
 * check reports that), so only an entry that names another host is a finding.
 */
function verifyHost(indexed: string | null, site: { id: string; host_ascii: string; host_unicode: string }, report: (finding: SearchIndexFinding) => void): void {
  if (indexed === null || indexed === hostSearchText(site)) return;
  report({
    table: 'host_trigram',
    id: site.id,
    fields: ['host'],
    message: `The host name index entry of website ${site.id} is not its host: search would find it by a host it does not have. Changed behind the app's back.`,
  });
}

/** A website row's searched fields as stored; only its two JSON lists need parsing, and most are empty. */
function storedSearchedFields(raw: Record<string, unknown>): SearchedSiteFields {
  const list = (value: unknown): string[] => (value === '[]' ? [] : (JSON.parse(String(value)) as string[]));
  return { ...(raw as unknown as SearchedSiteFields), ips: list(raw.ips), name_servers: list(raw.name_servers) };
}
