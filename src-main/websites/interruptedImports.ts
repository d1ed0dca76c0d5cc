import type Database from 'better-sqlite3';
import type { InterruptedImport } from '../contract/integrity';
import { isImportRunning } from './importProcess';

interface ImportEntry {
  chain: string;
  seq: number;
  at: string;
  action: string;
  detail: string;
}

/**
 * Site-list imports that started and never finished: each import writes 'website.import.start',
 * one 'website.import.batch' per committed batch and 'website.import' at the end (importSiteList).
 * A start without its end on the same chain was killed or crashed midway: its committed batches
 * are in the case and look complete unless this says otherwise. An import that resumed it (detail
 * `resumes`) and finished closes it; so does a rollback of it (rollbackSiteImport, on any chain).
 * One whose process still runs is listed with `running` (in progress, not killed).
 */
export function findInterruptedImports(db: Database.Database): InterruptedImport[] {
  const rows = db
    .prepare(
      `SELECT chain, seq, at, action, detail FROM audit_entry
       WHERE action IN ('website.import.start', 'website.import.batch', 'website.import', 'website.import.rollback') ORDER BY chain, seq`,
    )
    .iterate() as IterableIterator<ImportEntry>;
  const open = new Map<string, InterruptedImport>();
  const interrupted: InterruptedImport[] = [];
  const resumed = new Set<string>(); // closed by a finished resume or by a rollback
  const pendingResume = new Map<string, string[]>();
  for (const row of rows) {
    const detail = JSON.parse(row.detail) as Record<string, unknown>;
    if (row.action === 'website.import.rollback') {
      resumed.add(String(detail.rollsBack ?? ''));
      continue;
    }
    const current = open.get(row.chain);
    if (row.action === 'website.import.start') {
      if (current) interrupted.push(current);
      open.set(row.chain, {
        id: `${row.chain}#${row.seq}`, chain: row.chain, seq: row.seq, startedAt: row.at, file: String(detail.file ?? ''), sha256: String(detail.sha256 ?? ''),
        bytes: Number(detail.bytes ?? 0), batches: 0, rowsWritten: 0, running: isImportRunning(detail.process),
      });
      const resumes = (Array.isArray(detail.resumes) ? detail.resumes : []) as { chain?: string; seq?: number }[];
      if (resumes.length) pendingResume.set(row.chain, resumes.map((r) => `${r.chain}#${r.seq}`));
      else pendingResume.delete(row.chain);
    } else if (row.action === 'website.import.batch' && current) {
      current.batches += 1;
      current.rowsWritten += Number(detail.rows ?? 0);
    } else if (row.action === 'website.import' && current) {
      open.delete(row.chain);
      const targets = pendingResume.get(row.chain) ?? [];
      if (!detail.cancelled && detail.stopped === null) for (const t of targets) resumed.add(t);
      pendingResume.delete(row.chain);
    }
  }
  interrupted.push(...open.values());
  return interrupted.filter((i) => !resumed.has(i.id));
}
