import { DossierError } from '../contract/errors';
import type { ContentFinding } from './verifyRecordSeals';

/** How many findings a refusal's message quotes; its details list every finding it was given. */
const MAX_IN_MESSAGE = 3;

/**
 * The refusal of another copy of the case (merged or received) whose records differ from what its
 * own audit log sealed: RECORDS_ALTERED, naming the first records and fields, with every given
 * finding in details. `shownAs` names the copy as the user knows it; `refused` says what was not done.
 */
export function recordsAlteredError(findings: readonly ContentFinding[], more: number, shownAs: string, refused: string): DossierError {
  const total = findings.length + more;
  const named = findings.slice(0, MAX_IN_MESSAGE).map((f) => f.message).join(' ');
  return new DossierError(
    'RECORDS_ALTERED',
    `${shownAs} was changed behind the app's back: ${total} of its records differ from what its audit log sealed. ${named}` +
      `${total > MAX_IN_MESSAGE ? ` (and ${total - MAX_IN_MESSAGE} more)` : ''} ${refused} ` +
      'Run "dossier check" on that copy to see every finding, and use a copy that passes it.',
    { records: findings.map(({ kind, table, id, fields }) => ({ kind, table, id, fields })), more },
  );
}
