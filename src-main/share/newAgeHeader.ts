import { createCipheriv, randomBytes, scrypt } from 'node:crypto';
import type { Recipient } from 'age-encryption';
import { AGE_PAYLOAD_NONCE_BYTES, AGE_TAG_BYTES, agePayloadKey, decryptAgePayload } from './agePayload';
import { loadAge } from './ageLibrary';

/** What a new age file starts with, and the key its payload is encrypted under. */
export interface NewAgeHeader {
  /** The header, from the version line to the MAC line's newline, exactly as age-encryption wrote it. */
  readonly header: Uint8Array;
  /** The 16-byte file key the header wraps for its recipients. */
  readonly fileKey: Uint8Array;
}

/** Who may open the file: X25519 recipients (`age1...`), or one passphrase (never both). */
export type AgeAudience = { readonly recipients: readonly string[] } | { readonly passphrase: string; readonly scryptWorkFactor: number };

/**
 * Has age-encryption write the header of a new age file (stanzas and MAC, byte for byte its
 * format) and learns the file key it chose, so the payload can be encrypted natively
 * (agePayload.ts). The library offers no "header only" call: it encrypts an empty payload, whose
 * nonce and tag are thrown away, and a recipient of ours that adds no stanza sees the file key.
 * The key is checked against that empty payload before it is used.
 */
export async function newAgeHeader(audience: AgeAudience): Promise<NewAgeHeader> {
  const age = await loadAge();
  const encrypter = new age.Encrypter();
  let fileKey: Uint8Array | undefined;
  const keyWitness: Recipient = {
    wrapFileKey(key) {
      fileKey = Uint8Array.from(key);
      return [];
    },
  };
  if ('passphrase' in audience) {
    // One scrypt stanza, written by us with Node's native scrypt (age-encryption's setPassphrase
    // would hide the file key from the witness; its scrypt is also several times slower).
    encrypter.addRecipient(nativeScryptRecipient(age.Stanza, audience.passphrase, audience.scryptWorkFactor));
  } else {
    for (const recipient of audience.recipients) encrypter.addRecipient(recipient);
  }
  encrypter.addRecipient(keyWitness);
  const emptyFile = await encrypter.encrypt(new Uint8Array(0));
  if (fileKey === undefined) throw new Error('age-encryption did not reveal the file key');
  const header = emptyFile.subarray(0, emptyFile.length - AGE_PAYLOAD_NONCE_BYTES - AGE_TAG_BYTES);
  const nonce = emptyFile.subarray(header.length, header.length + AGE_PAYLOAD_NONCE_BYTES);
  const tag = emptyFile.subarray(header.length + AGE_PAYLOAD_NONCE_BYTES);
  // The empty payload authenticates under this key only if it is the file key of this header.
  for await (const plain of decryptAgePayload(agePayloadKey(fileKey, nonce), [tag], AGE_TAG_BYTES)) {
    if (plain.length !== 0) throw new Error('age-encryption wrote an unexpected empty payload');
  }
  return { header: Uint8Array.from(header), fileKey };
}

/** age's scrypt label, prefixed to the salt (C2SP age spec, "scrypt recipient stanza"). */
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';

/**
 * The age scrypt recipient (spec: salt 16 random bytes, N = 2^logN, r = 8, p = 1, 32-byte key
 * wrapping the file key with ChaCha20-Poly1305 under an all-zero nonce), with Node's scrypt,
 * which runs off the main thread.
 */
function nativeScryptRecipient(Stanza: typeof import('age-encryption').Stanza, passphrase: string, logN: number): Recipient {
  return {
    async wrapFileKey(fileKey) {
      const salt = randomBytes(16);
      const N = 2 ** logN;
      const key = await new Promise<Buffer>((resolve, reject) => {
        // scrypt needs 128 * N * r bytes (256 MiB at age's default N = 2^18); Node's default cap is 32 MiB.
        scrypt(passphrase, Buffer.concat([Buffer.from(SCRYPT_LABEL), salt]), 32, { N, r: 8, p: 1, maxmem: 128 * N * 8 + 1024 * 1024 }, (err, derived) =>
          err ? reject(err) : resolve(derived),
        );
      });
      const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: AGE_TAG_BYTES });
      const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
      return [new Stanza(['scrypt', salt.toString('base64').replace(/=+$/, ''), String(logN)], body)];
    },
  };
}
