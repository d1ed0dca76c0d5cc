import { inspectHeader } from '../casefile/inspectHeader';
import { DossierError } from '../contract/errors';
import type { TeamRoster } from './teamRoster';
import { teamRosterOf } from './teamRosterService';
import { openDatabase } from '../casefile/openDatabase';

/**
 * The case id and roster of a case file the receiver already has (`receive --case`): the roster
 * that decides whether a share's sender is trusted. Read-only and without upgrading it (a copy
 * from before rosters existed simply has an empty one, so its sender is unknown).
 */
export function readLocalCopy(filePath: string): { caseId: string; roster: TeamRoster } {
  inspectHeader(filePath); // FILE_NOT_FOUND, NOT_A_CASE_FILE, CASE_FILE_CORRUPT before SQLite opens it
  const db = openDatabase(filePath, { readonly: true });
  try {
    const caseId = db.prepare('SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
    if (caseId === undefined) throw new DossierError('CASE_FILE_CORRUPT', `${filePath} holds no case record.`);
    return { caseId, roster: teamRosterOf(db) };
  } finally {
    db.close();
  }
}
