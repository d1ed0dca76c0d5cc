import { createHash } from 'node:crypto';
import { bech32 } from '@scure/base';
import { ShareError } from './ShareError';

/**
 * What a teammate may know about a user: enough to encrypt to them and to check their signatures.
 * Exchanged as one text line (see `formatPublicIdentity`), compared by phone via the fingerprint.
 */
export interface PublicIdentity {
  /** Display name, chosen by the owner; not proof of anything. */
  readonly name: string;
  /** age X25519 recipient, `age1...`: shares for this user are encrypted to it. */
  readonly ageRecipient: string;
  /** Raw 32-byte Ed25519 public key, base64url without padding: verifies this user's shares. */
  readonly ed25519PublicKey: string;
  /** `3F2A-91C0-...`: derived from both keys above, see `fingerprintOf`. */
  readonly fingerprint: string;
}

const LINE_TAG = 'dossier-identity-v1';
const FINGERPRINT_LABEL = 'dossier-fingerprint-v1';
/** 96 bits: 6 groups of 4 hex digits, short enough to read out on the phone. */
const FINGERPRINT_BYTES = 12;
const NAME_MAX_CHARS = 120;
// Control characters, line/paragraph separators and bidi overrides could make a name display as
// someone else's or break the one-line format.
const FORBIDDEN_NAME_CHARS = /[\p{Cc}\p{Zl}\p{Zp}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const ED25519_B64URL = /^[A-Za-z0-9_-]{43}$/;

/**
 * The fingerprint covers the age recipient as well as the Ed25519 key (the brief asked for the
 * Ed25519 key alone): otherwise whoever relays a teammate's identity line could swap in their own
 * age recipient, keep the fingerprint, and receive every share meant for that teammate.
 */
export function fingerprintOf(ageRecipient: string, ed25519PublicKey: string): string {
  const hex = createHash('sha256')
    .update(`${FINGERPRINT_LABEL}\n${ageRecipient}\n${ed25519PublicKey}\n`, 'utf8')
    .digest('hex')
    .slice(0, FINGERPRINT_BYTES * 2)
    .toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Accepts `3f2a91c0...`, `3F2A-91C0-...` or with spaces; returns the canonical grouped form. */
export function normalizeFingerprint(input: string): string {
  const hex = input.replace(/[\s-]/g, '').toUpperCase();
  if (!new RegExp(`^[0-9A-F]{${FINGERPRINT_BYTES * 2}}$`).test(hex)) {
    throw new ShareError(
      'PUBLIC_IDENTITY_INVALID',
      `"${input}" is not a fingerprint: expected ${FINGERPRINT_BYTES * 2} hex digits like 3F2A-91C0-...`,
    );
  }
  return hex.match(/.{4}/g)!.join('-');
}

/** NFC-normalised, trimmed display name; throws IDENTITY_NAME_INVALID when unusable. */
export function normalizeIdentityName(name: string): string {
  const clean = name.normalize('NFC').trim();
  if (clean.length === 0 || clean.length > NAME_MAX_CHARS) {
    throw new ShareError(
      'IDENTITY_NAME_INVALID',
      `A name must have 1 to ${NAME_MAX_CHARS} characters (got ${clean.length}).`,
    );
  }
  if (FORBIDDEN_NAME_CHARS.test(clean)) {
    throw new ShareError(
      'IDENTITY_NAME_INVALID',
      'A name must not contain line breaks, control characters or text-direction overrides.',
    );
  }
  return clean;
}

/**
 * Only native X25519 recipients: the Debian `age` 1.1.1 CLI cannot use post-quantum or tag
 * recipients, and a share must stay openable with it.
 */
export function assertX25519Recipient(recipient: string): void {
  const looksX25519 =
    /^age1[02-9ac-hj-np-z]{58}$/.test(recipient) &&
    !recipient.startsWith('age1pq1') &&
    !recipient.startsWith('age1tag');
  let valid = looksX25519;
  if (looksX25519) {
    try {
      // The bech32 checksum and the key length, as age itself checks them (the same @scure/base
      // that age-encryption uses, without loading all of age for a syntax check).
      const decoded = bech32.decode(recipient as `${string}1${string}`);
      valid = decoded.prefix === 'age' && bech32.fromWords(decoded.words).length === 32;
    } catch {
      valid = false;
    }
  }
  if (!valid) {
    throw new ShareError(
      'RECIPIENT_INVALID',
      `"${recipient.slice(0, 70)}" is not an age X25519 recipient (age1... , 62 characters).`,
    );
  }
}

/** Builds a PublicIdentity, validating every field and computing the fingerprint. */
export function makePublicIdentity(fields: {
  name: string;
  ageRecipient: string;
  ed25519PublicKey: string;
}): PublicIdentity {
  const name = normalizeIdentityName(fields.name);
  try {
    assertX25519Recipient(fields.ageRecipient);
  } catch (err) {
    throw new ShareError('PUBLIC_IDENTITY_INVALID', (err as Error).message, {}, { cause: err });
  }
  if (!ED25519_B64URL.test(fields.ed25519PublicKey)) {
    throw new ShareError(
      'PUBLIC_IDENTITY_INVALID',
      'The Ed25519 public key must be 32 bytes in base64url (43 characters).',
    );
  }
  return {
    name,
    ageRecipient: fields.ageRecipient,
    ed25519PublicKey: fields.ed25519PublicKey,
    fingerprint: fingerprintOf(fields.ageRecipient, fields.ed25519PublicKey),
  };
}

/**
 * One line, like an SSH public key: tag, age recipient, Ed25519 key, fingerprint, then the name
 * (last, so it may contain spaces).
 * `dossier-identity-v1 age1... <ed25519 base64url> 3F2A-91C0-... Alice Example`
 */
export function formatPublicIdentity(identity: PublicIdentity): string {
  return [
    LINE_TAG,
    identity.ageRecipient,
    identity.ed25519PublicKey,
    identity.fingerprint,
    identity.name,
  ].join(' ');
}

/**
 * Parses a line made by `formatPublicIdentity`. The fingerprint in the line must match the keys,
 * which catches copy/paste damage before a share is encrypted to a wrong key.
 */
export function parsePublicIdentity(line: string): PublicIdentity {
  const match = /^(\S+) +(\S+) +(\S+) +(\S+) +(.+)$/u.exec(line.trim());
  if (match === null || match[1] !== LINE_TAG) {
    throw new ShareError(
      'PUBLIC_IDENTITY_INVALID',
      `Not a Dossier public identity: expected "${LINE_TAG} age1... <key> <fingerprint> <name>".`,
    );
  }
  const [, , ageRecipient, ed25519PublicKey, fingerprint, name] = match as unknown as string[];
  const identity = makePublicIdentity({
    name: name!,
    ageRecipient: ageRecipient!,
    ed25519PublicKey: ed25519PublicKey!,
  });
  if (normalizeFingerprint(fingerprint!) !== identity.fingerprint) {
    throw new ShareError(
      'PUBLIC_IDENTITY_INVALID',
      `The fingerprint ${fingerprint} does not match the keys in this identity line (damaged copy?).`,
    );
  }
  return identity;
}

/** Same person and keys: compares keys, never names. */
export function samePublicKeys(a: PublicIdentity, b: PublicIdentity): boolean {
  return a.ageRecipient === b.ageRecipient && a.ed25519PublicKey === b.ed25519PublicKey;
}
