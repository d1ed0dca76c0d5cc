import { assembleUserIdentity, ed25519SeedOf, type UserIdentity } from './userIdentity';
import { ShareError } from './ShareError';

/*
 * The secret identity as bytes, for whatever store protects it (a passphrase key file here, the
 * desktop app's safeStorage elsewhere). The text is at the same time a valid age identity file:
 * our fields are `#` comment lines, which age ignores, and the AGE-SECRET-KEY line is the one
 * identity. So a decrypted key file works with the stock CLI (`age -d -i`), which lets a teammate
 * without Dossier still open a share.
 *
 * Format (UTF-8, LF line ends, fields in this order):
 *   # Dossier identity. Keep secret: ...
 *   # dossier-identity-version: 1
 *   # name: <display name>
 *   # created-at: <ISO-8601 UTC>
 *   # ed25519-secret: <32-byte seed, base64url>
 *   AGE-SECRET-KEY-1...
 */

const VERSION = '1';
const FIELD_LINE = /^# ([a-z0-9-]+): (.*)$/;
const MAX_BYTES = 16 * 1024;

/** Secret identity -> bytes (contains private keys: store only encrypted). */
export function serializeIdentity(identity: UserIdentity): Uint8Array {
  const text = [
    '# Dossier identity. Keep secret: it opens shares sent to you and signs the ones you send.',
    `# dossier-identity-version: ${VERSION}`,
    `# name: ${identity.name}`,
    `# created-at: ${identity.createdAt}`,
    `# ed25519-secret: ${ed25519SeedOf(identity)}`,
    identity.ageIdentity,
    '',
  ].join('\n');
  return new TextEncoder().encode(text);
}

/** Bytes from `serializeIdentity` -> secret identity. Throws IDENTITY_INVALID with the reason. */
export async function parseIdentity(bytes: Uint8Array): Promise<UserIdentity> {
  if (bytes.length > MAX_BYTES) {
    throw new ShareError('IDENTITY_INVALID', 'This is not a Dossier identity (too large).');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new ShareError('IDENTITY_INVALID', 'This is not a Dossier identity (not UTF-8 text).', {}, { cause: err });
  }
  const fields = new Map<string, string>();
  const secretKeys: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const field = FIELD_LINE.exec(line);
    if (field !== null) {
      if (fields.has(field[1]!)) {
        throw new ShareError('IDENTITY_INVALID', `The identity has the field "${field[1]}" twice.`);
      }
      fields.set(field[1]!, field[2]!);
    } else if (line.startsWith('AGE-SECRET-KEY-')) {
      secretKeys.push(line);
    } else if (!line.startsWith('#')) {
      throw new ShareError('IDENTITY_INVALID', 'This is not a Dossier identity (unexpected line).');
    }
  }
  const version = fields.get('dossier-identity-version');
  if (version === undefined) {
    throw new ShareError('IDENTITY_INVALID', 'This is not a Dossier identity (no version line).');
  }
  if (version !== VERSION) {
    throw new ShareError(
      'IDENTITY_INVALID',
      `This identity has version ${version}; this Dossier reads version ${VERSION}. Update Dossier.`,
    );
  }
  if (secretKeys.length !== 1) {
    throw new ShareError('IDENTITY_INVALID', `An identity holds exactly one age secret key (found ${secretKeys.length}).`);
  }
  const required = (key: string): string => {
    const value = fields.get(key);
    if (value === undefined) throw new ShareError('IDENTITY_INVALID', `The identity lacks its "${key}" field.`);
    return value;
  };
  return assembleUserIdentity({
    name: required('name'),
    createdAt: required('created-at'),
    ed25519Seed: required('ed25519-secret'),
    ageIdentity: secretKeys[0]!,
  });
}
