import {
  formatPublicIdentity,
  normalizeFingerprint,
  parsePublicIdentity,
  type PublicIdentity,
} from './publicIdentity';
import { ShareError } from './ShareError';

/** The teammates a user trusts: whose shares they accept and to whom they can share. */
export interface TeamRoster {
  readonly members: readonly PublicIdentity[];
  /**
   * Keys in the case's roster that came with a merge and wait for the user's confirmation: not
   * members (not trusted), kept so that refusals can say so and how to confirm them.
   */
  readonly held?: readonly HeldRosterKey[];
}

/** A roster key not confirmed yet, and the command that confirms it. */
export interface HeldRosterKey {
  readonly name: string;
  readonly fingerprint: string;
  readonly confirmWith: string;
}

/** The held (unconfirmed) key with this fingerprint, or undefined. */
export function findHeldKey(roster: TeamRoster, fingerprint: string): HeldRosterKey | undefined {
  return roster.held?.find((h) => h.fingerprint === fingerprint);
}

/** Why a held key is refused, and how to confirm it: one sentence for every refusal that meets one. */
export function heldKeyMessage(held: HeldRosterKey, thenWhat = ''): string {
  return `${held.name} (${held.fingerprint}) is in this case's roster but not confirmed yet: their key came in with a merge. Compare the fingerprint with them (by phone or in person), then confirm it${thenWhat}: ${held.confirmWith}`;
}

const MAX_ROSTER_LINES = 10_000;

/**
 * Roster text: one `formatPublicIdentity` line per member; blank lines and lines starting with
 * `#` are ignored. Errors name the line so the user can fix the file.
 */
export function parseTeamRoster(text: string): TeamRoster {
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_ROSTER_LINES) {
    throw new ShareError('ROSTER_INVALID', `A roster holds at most ${MAX_ROSTER_LINES} lines.`);
  }
  const members: PublicIdentity[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let member: PublicIdentity;
    try {
      member = parsePublicIdentity(line);
    } catch (err) {
      throw new ShareError('ROSTER_INVALID', `Roster line ${index + 1}: ${(err as Error).message}`, { line: index + 1 }, { cause: err });
    }
    members.push(member);
  });
  return makeTeamRoster(members);
}

/**
 * A roster from identities; the same fingerprint twice is refused (two names for one key would
 * make "who sent this" ambiguous).
 */
export function makeTeamRoster(members: readonly PublicIdentity[]): TeamRoster {
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.fingerprint)) {
      throw new ShareError(
        'ROSTER_DUPLICATE',
        `The roster lists the key ${member.fingerprint} more than once (last as "${member.name}").`,
        { fingerprint: member.fingerprint },
      );
    }
    seen.add(member.fingerprint);
  }
  return { members: [...members] };
}

/** Roster -> text, one member per line, in roster order. */
export function serializeTeamRoster(roster: TeamRoster): string {
  return roster.members.map((m) => `${formatPublicIdentity(m)}\n`).join('');
}

/** The member with this fingerprint (any spelling accepted by normalizeFingerprint), or undefined. */
export function findRosterMember(roster: TeamRoster, fingerprint: string): PublicIdentity | undefined {
  const wanted = normalizeFingerprint(fingerprint);
  return roster.members.find((m) => m.fingerprint === wanted);
}

/** Roster plus one member; refuses a duplicate fingerprint. */
export function addRosterMember(roster: TeamRoster, member: PublicIdentity): TeamRoster {
  return makeTeamRoster([...roster.members, member]);
}
