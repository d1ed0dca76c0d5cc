import type Database from 'better-sqlite3';

/**
 * Tables whose stamps no merge compares (content, unioned by hash) and whose rows carry large
 * text before the stamp column: reading their stamps would read every stored text (measured: a
 * 64 MiB web archive's extracted text pulled into the page cache on every first write).
 */
const CONTENT_TABLES = new Set(['evidence_content', 'evidence_text']);

/**
 * The largest hybrid-logical-clock stamp anywhere in the case file (every table with an `hlc`
 * column, history included, except content tables), or null in an empty file. What the clock starts from on open.
 * Stamps that are not clock stamps (hand-made rows in old test files) are skipped.
 */
export function newestStamp(db: Database.Database): string | null {
  const tables = db
    .prepare("SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'hlc' ORDER BY m.name")
    .pluck()
    .all() as string[];
  let newest: string | null = null;
  for (const table of tables) {
    if (CONTENT_TABLES.has(table)) continue;
    // Table names come from this file's own schema listing, never from input.
    const stamp = db.prepare(`SELECT max(hlc) FROM "${table}" WHERE hlc GLOB '[0-9]*'`).pluck().get() as string | null;
    if (stamp !== null && (newest === null || stamp > newest)) newest = stamp;
  }
  return newest;
}
