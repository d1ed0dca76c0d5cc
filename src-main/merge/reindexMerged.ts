import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { Evidence } from '../contract/records';
import { indexEvidence } from '../evidence/evidenceText';
import { decodeRow } from '../records/rowCodec';
import { indexForSearch, removeFromSearch } from '../records/searchIndex';
import { hostSearchText } from '../websites/websiteService';
import { MUTABLE_TABLES } from './mutableTables';

/** Rebuilds search entries (and host trigrams) of the rows a merge inserted or replaced. */
export function reindexMerged(target: CaseFile, touched: { table: string; ids: string[] }[]): void {
  for (const { table, ids } of touched) {
    const spec = MUTABLE_TABLES.find((t) => t.table === table)!.spec;
    const select = prepareCached(target.db, `SELECT rowid AS _rowid, * FROM ${table} WHERE id = ?`);
    for (const id of ids) {
      const { _rowid, ...raw } = select.get(id) as Record<string, unknown> & { _rowid: number };
      if (table === 'website') prepareCached(target.db, 'DELETE FROM host_trigram WHERE rowid = ?').run(_rowid);
      if (raw.deleted_at) {
        removeFromSearch(target.db, id);
        continue;
      }
      if (table === 'evidence') {
        // Exhibits are indexed with the text extracted from their bytes, not their metadata alone.
        indexEvidence(target.db, decodeRow(spec, raw) as unknown as Evidence);
      } else {
        const text = spec.searchText(decodeRow(spec, raw));
        if (text) indexForSearch(target.db, spec.kind, id, text);
      }
      if (table === 'website') {
        const host = hostSearchText(raw as { host_ascii: string; host_unicode: string });
        prepareCached(target.db, 'INSERT INTO host_trigram (rowid, host) VALUES (?, ?)').run(_rowid, host);
      }
    }
  }
}
