import type { RosterMember } from '../contract/sharing';

/**
 * The roster keys that came in with a merge and wait for the user's confirmation, and the command
 * that confirms each: `roster list` and `conflicts` both end with it, so a key held at a merge is
 * seen wherever the user looks for what is left to do.
 */
export function pendingRosterText(file: string, pending: readonly RosterMember[]): string {
  const lines = [
    `${pending.length} key(s) in the team roster came in with a merge and are not confirmed yet: their shares are not accepted and nothing is shared to them.`,
    'Compare each fingerprint with the teammate (by phone or in person), then confirm it:',
  ];
  for (const m of pending) lines.push(`  ${m.name} (${m.fingerprint}): dossier roster trust ${file} ${m.fingerprint}`);
  return lines.join('\n');
}
