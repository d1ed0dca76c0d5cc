import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { ItemKind } from '../contract/enums';
import { DossierError } from '../contract/errors';
import type { SearchHit } from '../contract/records';
import { itemRef } from '../items/itemSpecs';
import { ftsQuery } from './ftsQuery';
import { capturePageRef } from '../captures/capturePageRef';
import { hostSnippet, snippetMarkers, snippetParts } from './snippetParts';

/** Above this many matches, ranking costs too much on big cases: the first page comes unranked. */
const RANKING_CAP = 2000;

export interface SearchOptions {
  limit?: number;
  kinds?: ItemKind[];
}

/**
 * Full-text search over every item (titles, descriptions, notes, domains, evidence text), plus
 * substring matches on host names. Any user string is safe: it is escaped, never parsed as syntax.
 */
export function searchCase(caseFile: CaseFile, userText: string, options: SearchOptions = {}): SearchHit[] {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const match = ftsQuery(userText);
  if (!match) return [];
  const { db } = caseFile;
  const matches = prepareCached(db, 'SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)')
    .pluck()
    .get(match, RANKING_CAP + 1) as number;
  const ranked = matches <= RANKING_CAP;
  // Captured pages are found as their exhibit, so an evidence filter includes them.
  const kinds: string[] | undefined = options.kinds?.includes('evidence') ? [...options.kinds, 'capture_page'] : options.kinds;
  const kindFilter = kinds?.length ? `AND d.record_kind IN (${kinds.map(() => '?').join(',')})` : '';
  // Matches are marked with tokens no text can hold (snippetParts): never in-band brackets.
  const markers = snippetMarkers();
  const found = prepareCached(
    db,
    `SELECT d.record_kind AS kind, d.record_id AS id,
            snippet(search_fts, -1, ?, ?, '…', 12) AS snippet
     FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid
     WHERE search_fts MATCH ? ${kindFilter}
     ORDER BY ${ranked ? 'bm25(search_fts, 5.0, 1.0)' : 'search_fts.rowid DESC'} LIMIT ?`,
  ).all(markers.open, markers.close, match, ...(kinds ?? []), limit) as { kind: ItemKind; id: string; snippet: string }[];
  const rows = found.map(({ kind, id, snippet }) => ({ kind, id, ...snippetParts(snippet, markers) }));

  const seen = new Set(rows.map((r) => r.id));
  const hostText = userText.trim().toLowerCase();
  if (rows.length < limit && [...hostText].length >= 3 && (!options.kinds || options.kinds.includes('website'))) {
    const hosts = prepareCached(
      db,
      `SELECT w.id, h.host FROM host_trigram h JOIN website w ON w.rowid = h.rowid
       WHERE host_trigram MATCH ? AND w.deleted_at IS NULL LIMIT ?`,
    ).all(`"${hostText.replace(/"/g, '""')}"`, limit) as { id: string; host: string }[];
    for (const host of hosts) {
      if (rows.length >= limit) break;
      if (!seen.has(host.id)) rows.push({ kind: 'website', id: host.id, ...hostSnippet(host.host, hostText) });
    }
  }
  // One hit per item: a capture exhibit is found through its pages and through its own text, and
  // the app keys its results by id.
  const hits: SearchHit[] = [];
  const listed = new Set<string>();
  const add = (hit: SearchHit) => {
    if (listed.has(hit.id)) return;
    listed.add(hit.id);
    hits.push(hit);
  };
  for (const row of rows) {
    if ((row.kind as string) === 'capture_page') {
      // A captured page is found through its exhibit (the best-ranked page stands for it).
      const ref = capturePageRef(caseFile, row.id);
      if (ref) add({ ...ref, snippet: row.snippet, snippet_parts: row.snippet_parts });
      continue;
    }
    try {
      add({ ...itemRef(caseFile, row.id), snippet: row.snippet, snippet_parts: row.snippet_parts });
    } catch (error) {
      if (!(error instanceof DossierError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return hits;
}
