import { DossierError } from '../contract/errors';
import type { ContentFinding } from './verifyRecordSeals';

/** How many findings a refusal's message quotes; its details list every finding it was given. */
const MAX_IN_MESSAGE = 3;

/**
 * The refusal of another copy of the case (merged or received) whose records differ from what its
 * own audit log sealed: RECORDS_ALTERED, naming the first records and fields, with every given
 * finding in details. `shownAs` names the copy as the user knows it; `refused` says what was not
 * done and what to do instead.
 */
export function recordsAlteredError(findings: readonly ContentFinding[], more: number, shownAs: string, refused: string): DossierError {
  const total = findings.length + more;
  const named = findings.slice(0, MAX_IN_MESSAGE).map((f) => f.message).join(' ');
  return new DossierError(
    'RECORDS_ALTERED',
    `${shownAs} cannot be trusted: ${total} of its records ${total === 1 ? 'differs' : 'differ'} from what its own audit log sealed. ${named}` +
      `${total > MAX_IN_MESSAGE ? ` (and ${total - MAX_IN_MESSAGE} more)` : ''} ${refused}`,
    { records: findings.map(({ kind, table, id, fields }) => ({ kind, table, id, fields })), more },
  );
}

/** What the receiver of a share can do about it: the sender holds the copy that `dossier check` would show. */
export const ASK_SENDER = 'Ask the sender to run "dossier check" on their copy and share one that passes it.';
