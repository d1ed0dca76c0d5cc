import type { ShareRecipientInfo } from '../contract/sharing';
import { assertX25519Recipient, normalizeFingerprint } from './publicIdentity';
import { ShareError } from './ShareError';
import { findHeldKey, heldKeyMessage, type TeamRoster } from './teamRoster';

const FINGERPRINT_LIKE = /^[0-9A-Fa-f]{4}([\s-]?[0-9A-Fa-f]{4}){5}$/;

/**
 * Turns what a user typed after `--to` (or picked in the share dialog) into age recipients:
 * a roster fingerprint, a roster member's name (case-insensitive; its first word(s) will do when
 * unambiguous), or a bare
 * `age1...` recipient (kept with the roster name when it belongs to a member). Duplicates collapse.
 * Errors: RECIPIENT_UNKNOWN, RECIPIENT_AMBIGUOUS, RECIPIENT_INVALID.
 */
export function resolveRecipients(roster: TeamRoster, inputs: readonly string[]): ShareRecipientInfo[] {
  const resolved = new Map<string, ShareRecipientInfo>();
  for (const raw of inputs) {
    const input = raw.normalize('NFC').trim();
    const recipient = resolveOne(roster, input);
    if (!resolved.has(recipient.ageRecipient)) resolved.set(recipient.ageRecipient, recipient);
  }
  return [...resolved.values()];
}

function resolveOne(roster: TeamRoster, input: string): ShareRecipientInfo {
  if (input.startsWith('age1')) {
    assertX25519Recipient(input);
    const member = roster.members.find((m) => m.ageRecipient === input);
    return member ? { name: member.name, fingerprint: member.fingerprint, ageRecipient: input } : { name: null, fingerprint: null, ageRecipient: input };
  }
  if (FINGERPRINT_LIKE.test(input)) {
    const fingerprint = normalizeFingerprint(input);
    const member = roster.members.find((m) => m.fingerprint === fingerprint);
    if (member === undefined) {
      const held = findHeldKey(roster, fingerprint);
      if (held) throw new ShareError('RECIPIENT_UNKNOWN', heldKeyMessage(held), { recipient: fingerprint, status: 'pending' });
      throw new ShareError(
        'RECIPIENT_UNKNOWN',
        `No teammate with key ${fingerprint} in this case's roster. Add them first (dossier roster add), or give their age1... recipient.`,
        { recipient: fingerprint },
      );
    }
    return { name: member.name, fingerprint, ageRecipient: member.ageRecipient };
  }
  const wanted = input.toLocaleLowerCase();
  const exact = roster.members.filter((m) => m.name.toLocaleLowerCase() === wanted);
  // "Bob" for "Bob Builder": a leading whole word or words, when only one name starts so.
  const matches = exact.length > 0 || wanted === '' ? exact : roster.members.filter((m) => m.name.toLocaleLowerCase().startsWith(`${wanted} `));
  if (matches.length === 0) {
    const held = (roster.held ?? []).filter((h) => h.name.toLocaleLowerCase() === wanted || h.name.toLocaleLowerCase().startsWith(`${wanted} `));
    if (held.length === 1) throw new ShareError('RECIPIENT_UNKNOWN', heldKeyMessage(held[0]!), { recipient: input.slice(0, 120), status: 'pending' });
    throw new ShareError(
      'RECIPIENT_UNKNOWN',
      `"${input.slice(0, 120)}" is not a teammate in this case's roster (give a roster name, a fingerprint or an age1... recipient).`,
      { recipient: input.slice(0, 120) },
    );
  }
  if (matches.length > 1) {
    throw new ShareError(
      'RECIPIENT_AMBIGUOUS',
      `Several teammates are called "${input.slice(0, 120)}" (${matches.map((m) => m.fingerprint).join(', ')}); give the fingerprint instead.`,
      { recipient: input.slice(0, 120) },
    );
  }
  const member = matches[0]!;
  return { name: member.name, fingerprint: member.fingerprint, ageRecipient: member.ageRecipient };
}
