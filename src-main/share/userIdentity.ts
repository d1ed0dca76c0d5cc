import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { loadAge } from './ageLibrary';
import { makePublicIdentity, normalizeIdentityName, type PublicIdentity } from './publicIdentity';
import { ShareError } from './ShareError';

/**
 * A user's secret identity: an age X25519 identity to receive shares, an Ed25519 key to sign the
 * shares they send. Never leaves the machine unencrypted (see keyFile / the app's safeStorage).
 */
export interface UserIdentity {
  readonly name: string;
  /** `AGE-SECRET-KEY-1...` (X25519, readable by Debian age 1.1.1; not the post-quantum kind). */
  readonly ageIdentity: string;
  /** Ed25519 private key. */
  readonly signingKey: KeyObject;
  readonly publicIdentity: PublicIdentity;
  /** ISO-8601 UTC with milliseconds. */
  readonly createdAt: string;
}

/** Creates a fresh identity for `name`. */
export async function generateUserIdentity(
  name: string,
  options: { now?: Date } = {},
): Promise<UserIdentity> {
  // Explicitly X25519: age-encryption's generateIdentity() may switch to post-quantum keys that
  // the Debian age CLI cannot read.
  const { generateX25519Identity } = await loadAge();
  const ageIdentity = await generateX25519Identity();
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'jwk' }).d!;
  return assembleUserIdentity({
    name,
    ageIdentity,
    ed25519Seed: seed,
    createdAt: (options.now ?? new Date()).toISOString(),
  });
}

/**
 * Rebuilds an identity from its secret parts (used by parseIdentity), deriving the public keys so
 * that a stored identity can never carry a public part that does not match its secrets.
 */
export async function assembleUserIdentity(parts: {
  name: string;
  ageIdentity: string;
  /** Ed25519 32-byte seed, base64url. */
  ed25519Seed: string;
  createdAt: string;
}): Promise<UserIdentity> {
  const name = normalizeIdentityName(parts.name);
  if (!/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/.test(parts.ageIdentity)) {
    throw new ShareError('IDENTITY_INVALID', 'The age secret key is not an X25519 AGE-SECRET-KEY-1... key.');
  }
  const { identityToRecipient } = await loadAge();
  let ageRecipient: string;
  try {
    ageRecipient = await identityToRecipient(parts.ageIdentity);
  } catch (err) {
    throw new ShareError('IDENTITY_INVALID', 'The age secret key is damaged (bad checksum).', {}, { cause: err });
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(parts.ed25519Seed)) {
    throw new ShareError('IDENTITY_INVALID', 'The Ed25519 secret key must be 32 bytes in base64url.');
  }
  let signingKey: KeyObject;
  let ed25519PublicKey: string;
  try {
    // JWK needs x as well as d; derive x from d by importing the seed as PKCS#8 first.
    const pkcs8 = Buffer.concat([
      Buffer.from('302e020100300506032b657004220420', 'hex'), // RFC 8410 Ed25519 PrivateKeyInfo prefix
      Buffer.from(parts.ed25519Seed, 'base64url'),
    ]);
    signingKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    ed25519PublicKey = createPublicKey(signingKey).export({ format: 'jwk' }).x!;
  } catch (err) {
    throw new ShareError('IDENTITY_INVALID', 'The Ed25519 secret key is damaged.', {}, { cause: err });
  }
  if (Number.isNaN(Date.parse(parts.createdAt))) {
    throw new ShareError('IDENTITY_INVALID', `The creation time "${parts.createdAt}" is not a date.`);
  }
  return {
    name,
    ageIdentity: parts.ageIdentity,
    signingKey,
    publicIdentity: makePublicIdentity({ name, ageRecipient, ed25519PublicKey }),
    createdAt: parts.createdAt,
  };
}

/** The Ed25519 seed of an identity, base64url (for serialisation only). */
export function ed25519SeedOf(identity: UserIdentity): string {
  return identity.signingKey.export({ format: 'jwk' }).d!;
}
