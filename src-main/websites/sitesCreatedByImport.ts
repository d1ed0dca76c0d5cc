import type Database from 'better-sqlite3';

/**
 * How many websites an interrupted import created in the batches it committed: the websites its
 * batch entries sealed (on its chain after its start entry, up to the next import entry there)
 * that were created after it started; the others were merged into. A resumed import counts these
 * as its own (they are rows of the same list), so it reports the totals of the whole import.
 */
export function sitesCreatedByImport(db: Database.Database, chain: string, startSeq: number): number {
  const start = db.prepare('SELECT at FROM audit_entry WHERE chain = ? AND seq = ?').pluck().get(chain, startSeq) as string | undefined;
  if (start === undefined) return 0;
  const end = db
    .prepare(
      `SELECT min(seq) FROM audit_entry WHERE chain = ? AND seq > ?
       AND action IN ('website.import.start', 'website.import', 'website.import.rollback')`,
    )
    .pluck()
    .get(chain, startSeq) as number | null;
  return db
    .prepare(
      `SELECT count(DISTINCT s.record_id) FROM audit_entry e
       JOIN audit_seal s ON s.chain = e.chain AND s.seq = e.seq AND s.record_table = 'website'
       JOIN website w ON w.id = s.record_id
       WHERE e.chain = ? AND e.seq > ? AND e.seq < ? AND e.action = 'website.import.batch' AND w.created_at >= ?`,
    )
    .pluck()
    .get(chain, startSeq, end ?? Number.MAX_SAFE_INTEGER, start) as number;
}
