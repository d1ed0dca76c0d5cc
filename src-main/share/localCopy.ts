import type { Actor } from '../casefile/Actor';
import { closeCaseFile, openCaseFile } from '../casefile/openCaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { TeamRoster } from './teamRoster';
import { teamRosterOf } from './teamRosterService';

/**
 * The case id and roster of a case file the receiver already has (`receive --case`), read
 * read-only: the roster that decides whether a share's sender is trusted.
 */
export function readLocalCopy(filePath: string, actor: Actor): { caseId: string; roster: TeamRoster } {
  const caseFile = openCaseFile(filePath, { actor, readonly: true });
  try {
    const caseId = prepareCached(caseFile.db, 'SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string;
    return { caseId, roster: teamRosterOf(caseFile) };
  } finally {
    closeCaseFile(caseFile);
  }
}
