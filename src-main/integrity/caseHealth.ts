import type Database from 'better-sqlite3';
import type { CaseHealth } from '../contract/integrity';
import { findInterruptedImports } from '../websites/interruptedImports';

export type { CaseHealth };

/** What `dossier info` adds to the summary: quick_check and imports that never finished. */
export function caseHealth(db: Database.Database): CaseHealth {
  const quickCheck = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  return { quickCheck, interruptedImports: findInterruptedImports(db) };
}

/** The lines `dossier info` prints for it. */
export function formatCaseHealth(health: CaseHealth): [string, string][] {
  const rows: [string, string][] = [
    ['Integrity', health.quickCheck.join('; ') === 'ok' ? 'quick_check ok (run "dossier check" for the full check)' : `DAMAGED: ${health.quickCheck.slice(0, 3).join('; ')}`],
  ];
  for (const i of health.interruptedImports) {
    if (i.running) {
      rows.push(['IMPORT RUNNING', `${i.file} (started ${i.startedAt}): ${i.batches} batch(es), ${i.rowsWritten} row(s) written so far`]);
      continue;
    }
    rows.push(['UNFINISHED IMPORT', `${i.file} (started ${i.startedAt}): ${i.batches} batch(es), ${i.rowsWritten} row(s) written; "dossier site import FILE ${i.file} --resume" completes it, "dossier site import FILE --rollback ${i.id}" takes it back`]);
  }
  return rows;
}
