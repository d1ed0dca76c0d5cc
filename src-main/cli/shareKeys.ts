import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DossierError } from '../contract/errors';
import { type IdentityVault, storeKeyFileInVault } from '../share/identityVault';
import { loadKeyFile } from '../share/keyFile';
import type { ReceiveKeys } from '../share/openVerifiedShare';
import { shareKind } from '../share/shareKind';
import type { UserIdentity } from '../share/userIdentity';
import { sweepStaleFiles } from '../outputs/sweepStaleFiles';
import { readPassphrase } from './readPassphrase';

/** The CLI's temporary identity vault folders (withKeyFileVault); the pid of their command follows the prefix. */
const VAULT_FOLDER = /^dossier-identity-(\d+)-[A-Za-z0-9]{6}$/;

/** Options of the commands that unlock a key file or open a share. */
export interface KeyOptions {
  identity?: string;
  passphraseFile?: string;
  sharePassphraseFile?: string;
  acceptSender?: string;
}

/** Unlocks the key file named by --identity (its passphrase: --passphrase-file, DOSSIER_PASSPHRASE or a prompt). */
export async function unlockKeyFile(keyFile: string, opts: KeyOptions): Promise<UserIdentity> {
  return loadKeyFile(keyFile, await readKeyFilePassphrase(keyFile, opts));
}

/** The passphrase of a key file: --passphrase-file, DOSSIER_PASSPHRASE or a prompt. */
export function readKeyFilePassphrase(keyFile: string, opts: KeyOptions): Promise<string> {
  return readPassphrase({
    file: opts.passphraseFile,
    env: 'DOSSIER_PASSPHRASE',
    prompt: `Passphrase of ${keyFile}: `,
    what: "the key file's passphrase",
    fileOption: '--passphrase-file',
  });
}

/** The share passphrase (--share-passphrase-file, DOSSIER_SHARE_PASSPHRASE or a prompt). */
export function readSharePassphrase(opts: KeyOptions, confirm: boolean): Promise<string> {
  return readPassphrase({
    file: opts.sharePassphraseFile,
    env: 'DOSSIER_SHARE_PASSPHRASE',
    prompt: 'Share passphrase: ',
    confirm,
    what: 'the share passphrase',
    fileOption: '--share-passphrase-file',
  });
}

/** The secrets of a share as the contract's request fields (share.receive, case.merge). */
export interface ShareSecrets {
  passphrase?: string;
  identityPassphrase?: string;
  acceptSender?: string;
}

/**
 * What it takes to open this share, judged from the file itself: a share sent to people needs
 * --identity (then `work` gets the key file as the session's identity vault); a passphrase share
 * needs its passphrase.
 */
export async function withShareSecrets<T>(sharePath: string, opts: KeyOptions, work: (secrets: ShareSecrets, vault?: IdentityVault) => Promise<T>): Promise<T> {
  const kind = await shareKind(sharePath);
  if (kind === 'none') throw new DossierError('NOT_A_SHARE', `${sharePath} is not a Dossier share (not an age-encrypted file).`);
  const accept = opts.acceptSender !== undefined ? { acceptSender: opts.acceptSender } : {};
  if (kind === 'passphrase') return work({ passphrase: await readSharePassphrase(opts, false), ...accept });
  if (!opts.identity) {
    throw new DossierError('INVALID_REQUEST', `${sharePath} was sent to named recipients: give your key file with --identity KEYFILE.`);
  }
  return withKeyFileVault(opts.identity, opts, (vault, identityPassphrase) => work({ identityPassphrase, ...accept }, vault));
}

/** The receive-side hint for SENDER_UNKNOWN: how to accept the key once it was compared. */
export function withAcceptHint(error: unknown): unknown {
  if (error instanceof DossierError && error.code === 'SENDER_UNKNOWN' && error.details?.accepted === undefined && error.details?.status !== 'pending' && typeof error.details?.fingerprint === 'string') {
    return new DossierError(
      error.code,
      `${error.message} If the sender confirms ${error.details.fingerprint}, run again with --accept-sender ${error.details.fingerprint}.`,
      error.details,
    );
  }
  return error;
}

/** The CLI has no OS keychain to offer: a key-file vault is passphrase-protected only. */
const NO_KEYCHAIN: IdentityVault['safeStorage'] = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('no keychain in the CLI');
  },
  decryptString: () => {
    throw new Error('no keychain in the CLI');
  },
};

/**
 * Runs `work` with the user's key file (--identity) as the session's identity vault, so the
 * share channels of the contract sign and decrypt with it exactly as the app does with its own.
 * The key file is unlocked here first (a wrong passphrase is named before any work starts); the
 * vault, holding only the key file's encrypted text, lives in a private temp folder removed after.
 */
export async function withKeyFileVault<T>(
  keyFile: string,
  opts: KeyOptions,
  work: (vault: IdentityVault, identityPassphrase: string) => Promise<T>,
): Promise<T> {
  const passphrase = await readKeyFilePassphrase(keyFile, opts);
  const identity = await loadKeyFile(keyFile, passphrase);
  const text = await readFile(keyFile, 'utf8');
  // Named with our pid, so a later run can tell a folder a killed command left (kill -9 skips
  // the `finally` below) from one a running command uses, and sweep it.
  sweepStaleFiles(os.tmpdir(), VAULT_FOLDER);
  const dir = await mkdtemp(path.join(os.tmpdir(), `dossier-identity-${process.pid}-`));
  try {
    const vault: IdentityVault = { filePath: path.join(dir, 'identity.json'), safeStorage: NO_KEYCHAIN };
    await storeKeyFileInVault(vault, text, identity);
    return await work(vault, passphrase);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What it takes to open this share, judged from the file itself (for `audit verify --against` a
 * share, which reads its signed manifest here): a share sent to people needs --identity; a
 * passphrase share needs its passphrase (and --identity only to name the receiver).
 */
export async function receiveKeysFor(sharePath: string, opts: KeyOptions): Promise<ReceiveKeys> {
  const kind = await shareKind(sharePath);
  if (kind === 'none') throw new DossierError('NOT_A_SHARE', `${sharePath} is not a Dossier share (not an age-encrypted file).`);
  const accept = opts.acceptSender !== undefined ? { acceptSender: opts.acceptSender } : {};
  if (kind === 'passphrase') {
    const passphrase = await readSharePassphrase(opts, false);
    return { passphrase, ...accept, ...(opts.identity ? { identity: await unlockKeyFile(opts.identity, opts) } : {}) };
  }
  if (!opts.identity) {
    throw new DossierError('INVALID_REQUEST', `${sharePath} was sent to named recipients: give your key file with --identity KEYFILE.`);
  }
  return { identity: await unlockKeyFile(opts.identity, opts), ...accept };
}
