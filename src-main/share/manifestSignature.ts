import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ShareError } from './ShareError';

/*
 * manifest.sig: an Ed25519 signature over  "dossier-share-manifest-v1\n" || manifest.json bytes,
 * stored as one line of standard base64 (88 characters) and a newline.
 * The label keeps a manifest signature from being valid for anything else the same key may sign
 * later (audit entries, rosters). Documented in docs/share-format.md: change both together.
 */

const SIGNATURE_LABEL = new TextEncoder().encode('dossier-share-manifest-v1\n');
const SIGNATURE_FILE = /^([A-Za-z0-9+/]{86}==)\n$/;

function signedMessage(manifestBytes: Uint8Array): Buffer {
  return Buffer.concat([SIGNATURE_LABEL, manifestBytes]);
}

/** manifest.json bytes -> manifest.sig bytes. */
export function signManifest(manifestBytes: Uint8Array, signingKey: KeyObject): Uint8Array {
  const signature = sign(null, signedMessage(manifestBytes), signingKey);
  return new TextEncoder().encode(`${signature.toString('base64')}\n`);
}

/**
 * True when `signatureFile` (manifest.sig bytes) is a valid signature of `manifestBytes` by the
 * Ed25519 key (base64url raw). Malformed signature files are SIGNATURE_INVALID too: either way the
 * share does not prove its sender.
 */
export function verifyManifestSignature(
  manifestBytes: Uint8Array,
  signatureFile: Uint8Array,
  ed25519PublicKey: string,
): boolean {
  const match = SIGNATURE_FILE.exec(new TextDecoder().decode(signatureFile));
  if (match === null) return false;
  const signature = Buffer.from(match[1]!, 'base64');
  if (signature.length !== 64) return false;
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: ed25519PublicKey }, format: 'jwk' });
  } catch (err) {
    throw new ShareError('MANIFEST_INVALID', 'The sender key in the manifest is not an Ed25519 key.', {}, { cause: err });
  }
  return verify(null, signedMessage(manifestBytes), publicKey, signature);
}
