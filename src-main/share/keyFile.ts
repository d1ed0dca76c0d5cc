import { open, readFile } from 'node:fs/promises';
import { loadAge } from './ageLibrary';
import { parseIdentity, serializeIdentity } from './identityBytes';
import type { UserIdentity } from './userIdentity';
import { ShareError } from './ShareError';

/*
 * The CLI's key file: the serialised identity encrypted with age's passphrase (scrypt) mode and
 * ASCII-armored. A standard age file, so `age -d key.dossier-key` or even
 * `age -d -i key.dossier-key share.dossier.age` (age asks for the passphrase) work without Dossier.
 */

/** age's default; each unlock then costs about 1 s and 256 MiB here, which is the point. */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
const MAX_KEY_FILE_BYTES = 64 * 1024;

export interface KeyFileOptions {
  /** log2 of scrypt N. Lower only in tests. */
  scryptWorkFactor?: number;
}

/** Encrypts an identity with a passphrase; returns the armored age text. */
export async function encryptIdentity(
  identity: UserIdentity,
  passphrase: string,
  options: KeyFileOptions = {},
): Promise<string> {
  if (passphrase.length === 0) {
    throw new ShareError('PASSPHRASE_REQUIRED', 'A key file needs a passphrase; an empty one would leave the keys readable.');
  }
  const { armor, Encrypter } = await loadAge();
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(options.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
  return armor.encode(await encrypter.encrypt(serializeIdentity(identity)));
}

/** Reverse of encryptIdentity. Wrong passphrase: KEY_FILE_WRONG_PASSPHRASE. */
export async function decryptIdentity(armored: string, passphrase: string): Promise<UserIdentity> {
  const { armor, Decrypter } = await loadAge();
  let encrypted: Uint8Array;
  try {
    encrypted = armor.decode(armored);
  } catch (err) {
    throw new ShareError('KEY_FILE_INVALID', 'This is not a Dossier key file (not an armored age file).', {}, { cause: err });
  }
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  let plain: Uint8Array;
  try {
    plain = await decrypter.decrypt(encrypted);
  } catch (err) {
    // age-encryption 0.3.1 (pinned) reports a wrong passphrase with this message; a test pins it.
    if (/no identity matched/.test(String((err as Error).message))) {
      throw new ShareError('KEY_FILE_WRONG_PASSPHRASE', 'Wrong passphrase for this key file.', {}, { cause: err });
    }
    throw new ShareError(
      'KEY_FILE_INVALID',
      `This key file cannot be decrypted (${(err as Error).message}); it may be damaged or not passphrase-protected.`,
      {},
      { cause: err },
    );
  }
  try {
    return await parseIdentity(plain);
  } catch (err) {
    throw new ShareError('KEY_FILE_INVALID', `The key file decrypts but holds no valid identity: ${(err as Error).message}`, {}, { cause: err });
  }
}

/**
 * Writes a new key file, readable by the owner only. Refuses to overwrite: replacing a key file
 * would lock its owner out of every share already sent to them.
 */
export async function createKeyFile(
  filePath: string,
  identity: UserIdentity,
  passphrase: string,
  options: KeyFileOptions = {},
): Promise<void> {
  const text = await encryptIdentity(identity, passphrase, options);
  let handle;
  try {
    handle = await open(filePath, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ShareError('KEY_FILE_EXISTS', `${filePath} already exists; choose another name or move it away first.`, { path: filePath });
    }
    throw new ShareError('IO_FAILED', `Cannot create ${filePath}: ${(err as Error).message}`, { path: filePath }, { cause: err });
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads and unlocks a key file. */
export async function loadKeyFile(filePath: string, passphrase: string): Promise<UserIdentity> {
  let text: string;
  try {
    const bytes = await readFile(filePath);
    if (bytes.length > MAX_KEY_FILE_BYTES) {
      throw new ShareError('KEY_FILE_INVALID', `${filePath} is too large to be a Dossier key file.`, { path: filePath });
    }
    text = bytes.toString('utf8');
  } catch (err) {
    if (err instanceof ShareError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ShareError('KEY_FILE_NOT_FOUND', `No key file at ${filePath}.`, { path: filePath });
    }
    throw new ShareError('IO_FAILED', `Cannot read ${filePath}: ${(err as Error).message}`, { path: filePath }, { cause: err });
  }
  return decryptIdentity(text, passphrase);
}
