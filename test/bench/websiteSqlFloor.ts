import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { type Figure, throughputFigure } from './Figure';

/** The website columns an import always fills; the rest keep their defaults. */
const COLUMNS = ['id', 'raw_input', 'dedupe_key', 'host_unicode', 'host_ascii', 'registrable_domain', 'public_suffix', 'created_at', 'created_by', 'updated_at', 'updated_by', 'hlc'];
const BATCH = 20_000;

/**
 * SQLite's own floor for a domain import with the case's real `website` table and indexes (DDL
 * copied from a new case file): ready-made values bound, nothing normalised, sealed, audited,
 * trigram-indexed or status-logged. Two layouts: the indexes kept as rows go in (what an import
 * must do today so a kill -9 leaves a valid case), and the table alone with the eight secondary
 * indexes built once at the end. If even these fall short of a goal ratio, no code around the
 * inserts can reach it with this schema: the figure makes that argument measurable in every run.
 */
export function websiteSqlFloor(caseFilePath: string, hosts: readonly string[], dir: string, bareRate: number): Figure[] {
  const source = new Database(caseFilePath, { readonly: true });
  const table = (source.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'website'").get() as { sql: string }).sql;
  const indexes = (source.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'website' AND sql IS NOT NULL").all() as { sql: string }[]).map((r) => r.sql);
  source.close();

  const insertAll = (file: string, withIndexes: boolean): { insertMs: number; indexMs: number } => {
    const db = new Database(path.join(dir, file));
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.exec(table);
    if (withIndexes) for (const sql of indexes) db.exec(sql);
    const insert = db.prepare(`INSERT INTO website (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    const now = new Date().toISOString();
    const start = performance.now();
    for (let b = 0; b < hosts.length; b += BATCH) {
      db.transaction(() => {
        for (let i = b; i < Math.min(b + BATCH, hosts.length); i += 1) {
          const host = hosts[i]!;
          // Time-ordered ids, as UUIDv7 are; a row-unique dedupe key so repeats do not collide.
          insert.run(`0190${String(i).padStart(16, '0')}`, host, `${host}#${i}`, host, host, host, 'com', now, 'bench', now, 'bench', `${now}-${i}`);
        }
      })();
    }
    const insertMs = performance.now() - start;
    const indexStart = performance.now();
    if (!withIndexes) db.transaction(() => { for (const sql of indexes) db.exec(sql); })();
    const indexMs = performance.now() - indexStart;
    db.close();
    return { insertMs, indexMs };
  };

  const kept = insertAll('floor-kept.db', true);
  const deferred = insertAll('floor-deferred.db', false);
  const rate = (ms: number): number => hosts.length / (ms / 1000);
  return [
    throughputFigure('websites.sql_floor.indexes_kept', rate(kept.insertMs), bareRate, 'rows/s', `website rows only, ready-made values, with its primary key and ${indexes.length} secondary indexes updated as rows go in (what kill -9 safety needs); no normalising, seals, audit, status events or trigrams: the best any import could do with this schema`),
    throughputFigure('websites.sql_floor.indexes_at_end', rate(deferred.insertMs + deferred.indexMs), bareRate, 'rows/s', `the same rows into the table alone, then its ${indexes.length} secondary indexes built once by CREATE INDEX (${Math.round(deferred.indexMs)} ms of ${Math.round(deferred.insertMs + deferred.indexMs)} ms)`),
  ];
}
