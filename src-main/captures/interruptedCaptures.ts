import type Database from 'better-sqlite3';
import { listCaptures } from './captureRows';

/**
 * A line for each capture whose import was interrupted (still 'importing': the process stopped
 * mid-parse), saying how to finish it, for case overviews; empty when there is none.
 */
export function interruptedCaptureLines(db: Database.Database, caseFilePath: string): string[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'capture'").get();
  if (!hasTable) return [];
  return listCaptures(db)
    .filter((c) => c.import_status === 'importing')
    .map((c) => `${c.exhibit_label}: web capture import INTERRUPTED; run "dossier capture reparse ${caseFilePath} ${c.evidence_id}" to parse it from the stored bytes.`);
}
