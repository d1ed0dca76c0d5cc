import type Database from 'better-sqlite3';
import { prepareCached } from '../casefile/prepareCached';
import type { CapturePageInfo, CaptureRecordInfo, CaptureSummary } from '../contract/captures';
import { DossierError } from '../contract/errors';

interface CaptureRow extends Omit<CaptureSummary, 'problems' | 'exhibit_label'> {
  problems: string;
  exhibit_label: string;
}

const CAPTURE_SELECT = `SELECT c.id, c.evidence_id, e.exhibit_label, c.format, c.import_status, c.record_count, c.page_count,
  c.problems, c.tool, c.created_at FROM capture c JOIN evidence e ON e.id = c.evidence_id`;

function toSummary(row: CaptureRow): CaptureSummary {
  return { ...row, problems: JSON.parse(row.problems) };
}

/** One capture by id; NOT_FOUND names it. */
export function getCapture(db: Database.Database, id: string): CaptureSummary {
  const row = prepareCached(db, `${CAPTURE_SELECT} WHERE c.id = ?`).get(id) as CaptureRow | undefined;
  if (!row) throw new DossierError('NOT_FOUND', `No capture with id ${id} in this case.`);
  return toSummary(row);
}

/** The captures read from one exhibit (normally one), or from every live exhibit. */
export function listCaptures(db: Database.Database, evidenceId?: string): CaptureSummary[] {
  const rows = evidenceId
    ? prepareCached(db, `${CAPTURE_SELECT} WHERE c.evidence_id = ? ORDER BY c.created_at, c.id`).all(evidenceId)
    : prepareCached(db, `${CAPTURE_SELECT} WHERE e.deleted_at IS NULL ORDER BY e.exhibit_number, c.created_at, c.id`).all();
  return (rows as CaptureRow[]).map(toSummary);
}

const RECORD_COLUMNS = `id, capture_id, seq, record_id, record_type, target_uri, captured_at, ip, content_type, http_status, member,
  offset, length, block_sha256, payload_sha1, payload_sha256, payload_length, declared_block_digest, declared_payload_digest,
  digest_status, problem`;

export function getCaptureRecord(db: Database.Database, id: string): CaptureRecordInfo {
  const row = prepareCached(db, `SELECT ${RECORD_COLUMNS} FROM capture_record WHERE id = ?`).get(id) as CaptureRecordInfo | undefined;
  if (!row) throw new DossierError('NOT_FOUND', `No capture record with id ${id} in this case.`);
  return row;
}

/** Records of a capture in file order, a page at a time (keyset on seq). */
export function listCaptureRecords(db: Database.Database, captureId: string, afterSeq = -1, limit = 1000): CaptureRecordInfo[] {
  return prepareCached(db, `SELECT ${RECORD_COLUMNS} FROM capture_record WHERE capture_id = ? AND seq > ? ORDER BY seq LIMIT ?`).all(
    captureId,
    afterSeq,
    limit,
  ) as CaptureRecordInfo[];
}

/** A capture_page row as SQLite returns it: the contract's page with `listed` as 0/1 and the record by id. */
type PageRow = Omit<CapturePageInfo, 'listed' | 'record'> & { listed: number; record_id: string | null };

const PAGE_SELECT = `SELECT p.id, p.capture_id, c.evidence_id, e.exhibit_label, p.url, p.host, p.captured_at, p.title, p.http_status,
  p.listed, p.record_id,
  (SELECT r.id FROM capture_record r WHERE r.capture_id = p.capture_id AND r.target_uri IN ('urn:view:' || p.url, 'urn:screenshot:' || p.url)
     AND r.content_type LIKE 'image/%' ORDER BY r.seq LIMIT 1) AS screenshot_record_id
  FROM capture_page p JOIN capture c ON c.id = p.capture_id JOIN evidence e ON e.id = c.evidence_id`;

function toPage(db: Database.Database, row: PageRow): CapturePageInfo {
  return {
    ...row,
    listed: row.listed === 1,
    record: row.record_id ? getCaptureRecord(db, row.record_id) : null,
  };
}

export function getCapturePageRow(db: Database.Database, id: string): CapturePageInfo & { text: string; text_truncated: boolean } {
  const row = prepareCached(db, `${PAGE_SELECT} WHERE p.id = ?`).get(id) as PageRow | undefined;
  if (!row) throw new DossierError('NOT_FOUND', `No captured page with id ${id} in this case. "capture list" shows the pages.`);
  const text = prepareCached(db, 'SELECT text, text_truncated FROM capture_page WHERE id = ?').get(id) as { text: string; text_truncated: number };
  return { ...toPage(db, row), text: text.text, text_truncated: text.text_truncated === 1 };
}

/** Pages of one capture, of one exhibit, or captured on a host (website detail), in capture order. */
export function listCapturePages(db: Database.Database, filter: { captureId?: string | undefined; evidenceId?: string | undefined; hosts?: string[] }, limit = 1000): CapturePageInfo[] {
  let rows: PageRow[];
  if (filter.captureId) rows = prepareCached(db, `${PAGE_SELECT} WHERE p.capture_id = ? ORDER BY p.captured_at, p.id LIMIT ?`).all(filter.captureId, limit) as PageRow[];
  else if (filter.evidenceId) rows = prepareCached(db, `${PAGE_SELECT} WHERE c.evidence_id = ? ORDER BY p.captured_at, p.id LIMIT ?`).all(filter.evidenceId, limit) as PageRow[];
  else {
    const hosts = filter.hosts ?? [];
    if (hosts.length === 0) return [];
    // A website covers its host and the hosts below it (shop.example covers www.shop.example).
    const match = hosts.map(() => `(p.host = ? OR p.host LIKE '%.' || ?)`).join(' OR ');
    rows = db
      .prepare(`${PAGE_SELECT} WHERE (${match}) AND e.deleted_at IS NULL ORDER BY p.captured_at, p.id LIMIT ?`)
      .all(...hosts.flatMap((h) => [h, h]), limit) as PageRow[];
  }
  return rows.map((row) => toPage(db, row));
}
