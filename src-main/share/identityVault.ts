import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { IdentityStatus, PublicIdentityInfo } from '../contract/sharing';
import { parseIdentity, serializeIdentity } from './identityBytes';
import { decryptIdentity, encryptIdentity, type KeyFileOptions } from './keyFile';
import { formatPublicIdentity, parsePublicIdentity, type PublicIdentity } from './publicIdentity';
import { publishFile } from './publishFile';
import { ShareError } from './ShareError';
import { generateUserIdentity, type UserIdentity } from './userIdentity';

/**
 * The part of Electron's `safeStorage` the vault uses (the app passes the real one; tests a fake).
 * Declared here so nothing outside src-main/app imports electron. Each method may also answer
 * asynchronously: the case session runs in a worker thread, where safeStorage does not exist, so
 * the app can pass a proxy that asks the main process.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean | Promise<boolean>;
  /** Linux only: 'basic_text' means a hard-coded key, i.e. no protection at all. */
  getSelectedStorageBackend?(): string | Promise<string>;
  encryptString(plainText: string): Buffer | Promise<Buffer>;
  decryptString(encrypted: Buffer): string | Promise<string>;
}

/** Where the desktop app keeps the user's identity, and what protects it. */
export interface IdentityVault {
  /** The vault file (in the app's user-data folder). */
  readonly filePath: string;
  readonly safeStorage: SafeStorageLike;
  /** For passphrase protection; lower the scrypt work factor only in tests. */
  readonly keyFileOptions?: KeyFileOptions;
}

/*
 * Vault file: JSON, mode 0600, never overwritten.
 *   { "format": "dossier-identity-vault", "version": 1, "protection": "keychain" | "passphrase",
 *     "publicIdentity": "dossier-identity-v1 ...", "secret": "..." }
 * secret: the serialised identity (identityBytes) encrypted by safeStorage, base64; or, with a
 * passphrase, the armored age text of a CLI key file (keyFile.ts), so it can be exported as one.
 * The public line is kept in clear so the app can show "your identity" without unlocking; every
 * unlock checks it against the secret keys, so editing it cannot change what is used.
 */
const FORMAT = 'dossier-identity-vault';
const VERSION = 1;
const MAX_BYTES = 64 * 1024;

interface VaultFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  protection: 'keychain' | 'passphrase';
  publicIdentity: string;
  secret: string;
}

/**
 * Whether the OS keychain really protects secrets here. Following VS Code's lesson: Linux without
 * a secret service reports 'basic_text' (a fixed key: plaintext in effect); that, 'unknown' (asked
 * before the app is ready) and "encryption unavailable" all count as no keychain.
 */
export async function keychainState(safeStorage: SafeStorageLike): Promise<{ available: boolean; backend: string | null }> {
  const backend = (await safeStorage.getSelectedStorageBackend?.()) ?? null;
  const available = (await safeStorage.isEncryptionAvailable()) && backend !== 'basic_text' && backend !== 'unknown';
  return { available, backend };
}

/** What the app shows before any unlock. */
export async function identityStatus(vault: IdentityVault): Promise<IdentityStatus> {
  const keychain = await keychainState(vault.safeStorage);
  const file = await readVault(vault, { missingOk: true });
  return {
    exists: file !== null,
    protection: file?.protection ?? null,
    keychainAvailable: keychain.available,
    keychainBackend: keychain.backend,
    identity: file ? publicIdentityInfo(parseStoredPublic(file)) : null,
  };
}

/**
 * Creates the user's identity and stores it: with `passphrase`, as a passphrase key file; without,
 * in the OS keychain, refused (KEYCHAIN_UNAVAILABLE) when the keychain does not really protect it.
 * Never replaces an identity (IDENTITY_EXISTS): that would lock the user out of every share sent to them.
 */
export async function createVaultIdentity(
  vault: IdentityVault,
  name: string,
  options: { passphrase?: string; now?: Date } = {},
): Promise<UserIdentity> {
  if (options.passphrase !== undefined && options.passphrase.length === 0) {
    throw new ShareError('PASSPHRASE_REQUIRED', 'The passphrase is empty; choose one, or leave it unset to use the system keychain.');
  }
  if ((await readVault(vault, { missingOk: true })) !== null) {
    throw new ShareError('IDENTITY_EXISTS', 'You already have an identity on this computer; it is kept so shares sent to you still open.');
  }
  if (options.passphrase === undefined) await assertKeychain(vault);
  const identity = await generateUserIdentity(name, options.now ? { now: options.now } : {});
  const file: VaultFile = {
    format: FORMAT,
    version: VERSION,
    protection: options.passphrase === undefined ? 'keychain' : 'passphrase',
    publicIdentity: formatPublicIdentity(identity.publicIdentity),
    secret:
      options.passphrase === undefined
        ? (await vault.safeStorage.encryptString(new TextDecoder().decode(serializeIdentity(identity)))).toString('base64')
        : await encryptIdentity(identity, options.passphrase, vault.keyFileOptions),
  };
  await writeVault(vault.filePath, file);
  return identity;
}

/**
 * Puts an existing key file (the CLI's --identity) in a vault, so the work that unlocks "the
 * user's identity" (share.create, share.receive, case.merge) runs the same way for a key file as
 * in the app. The secret stays the key file's own passphrase-encrypted text (a passphrase vault
 * holds exactly that); `identity`, already unlocked by the caller, gives the public line.
 */
export async function storeKeyFileInVault(vault: IdentityVault, keyFileText: string, identity: UserIdentity): Promise<void> {
  if ((await readVault(vault, { missingOk: true })) !== null) {
    throw new ShareError('IDENTITY_EXISTS', 'This identity store already holds an identity; it was kept.');
  }
  await writeVault(vault.filePath, {
    format: FORMAT,
    version: VERSION,
    protection: 'passphrase',
    publicIdentity: formatPublicIdentity(identity.publicIdentity),
    secret: keyFileText,
  });
}

/** The secret identity, for signing and opening shares. Passphrase vaults need `passphrase`. */
export async function unlockVaultIdentity(vault: IdentityVault, options: { passphrase?: string } = {}): Promise<UserIdentity> {
  const file = (await readVault(vault, { missingOk: false }))!;
  let identity: UserIdentity;
  if (file.protection === 'passphrase') {
    if (options.passphrase === undefined || options.passphrase.length === 0) {
      throw new ShareError('PASSPHRASE_REQUIRED', 'Your identity is protected by a passphrase: enter it.');
    }
    identity = await decryptIdentity(file.secret, options.passphrase);
  } else {
    await assertKeychain(vault);
    let plain: string;
    try {
      plain = await vault.safeStorage.decryptString(Buffer.from(file.secret, 'base64'));
    } catch (err) {
      throw new ShareError(
        'KEYCHAIN_UNAVAILABLE',
        `The system keychain could not unlock your identity (${(err as Error).message}); it was stored under another login or keychain.`,
        {},
        { cause: err },
      );
    }
    identity = await parseIdentity(new TextEncoder().encode(plain));
  }
  if (formatPublicIdentity(identity.publicIdentity) !== file.publicIdentity) {
    throw new ShareError('IDENTITY_INVALID', 'The identity store was altered: its public identity does not match its secret keys.');
  }
  return identity;
}

/** The public line without unlocking (shown and copied in the UI). */
export async function vaultPublicIdentity(vault: IdentityVault): Promise<PublicIdentityInfo> {
  const file = (await readVault(vault, { missingOk: false }))!;
  return publicIdentityInfo(parseStoredPublic(file));
}

export function publicIdentityInfo(identity: PublicIdentity): PublicIdentityInfo {
  return {
    name: identity.name,
    fingerprint: identity.fingerprint,
    ageRecipient: identity.ageRecipient,
    ed25519PublicKey: identity.ed25519PublicKey,
    line: formatPublicIdentity(identity),
  };
}

async function assertKeychain(vault: IdentityVault): Promise<void> {
  const keychain = await keychainState(vault.safeStorage);
  if (!keychain.available) {
    throw new ShareError(
      'KEYCHAIN_UNAVAILABLE',
      keychain.backend === 'basic_text'
        ? 'This system has no secure keychain (no secret service is running), so your identity would be stored readable. Set a passphrase to protect it instead.'
        : 'The system keychain is not available. Set a passphrase to protect your identity instead.',
      { backend: keychain.backend ?? 'none' },
    );
  }
}

function parseStoredPublic(file: VaultFile): PublicIdentity {
  try {
    return parsePublicIdentity(file.publicIdentity);
  } catch (err) {
    throw new ShareError('IDENTITY_INVALID', `The identity store is damaged: ${(err as Error).message}`, {}, { cause: err });
  }
}

async function readVault(vault: IdentityVault, options: { missingOk: boolean }): Promise<VaultFile | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(vault.filePath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      if (options.missingOk) return null;
      throw new ShareError('IDENTITY_NOT_FOUND', 'You have no identity on this computer yet: create one first (Sharing > My identity).');
    }
    throw new ShareError('IO_FAILED', `Cannot read the identity store: ${(err as Error).message}`, {}, { cause: err });
  }
  let value: Partial<VaultFile> | null = null;
  try {
    if (bytes.length <= MAX_BYTES) value = JSON.parse(bytes.toString('utf8')) as Partial<VaultFile>;
  } catch {
    value = null;
  }
  if (
    value === null || typeof value !== 'object' || value.format !== FORMAT || value.version !== VERSION ||
    (value.protection !== 'keychain' && value.protection !== 'passphrase') ||
    typeof value.publicIdentity !== 'string' || typeof value.secret !== 'string'
  ) {
    throw new ShareError('IDENTITY_INVALID', `${vault.filePath} is not a Dossier identity store (damaged?).`, { path: vault.filePath });
  }
  return value as VaultFile;
}

async function writeVault(filePath: string, file: VaultFile): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.partial`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await publishFile(temp, filePath, () => new ShareError('IDENTITY_EXISTS', 'An identity was created meanwhile; it was kept.'));
  } finally {
    await rm(temp, { force: true });
  }
}
