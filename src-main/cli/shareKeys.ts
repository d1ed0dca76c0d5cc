import { DossierError } from '../contract/errors';
import { loadKeyFile } from '../share/keyFile';
import type { ReceiveKeys } from '../share/openVerifiedShare';
import { shareKind } from '../share/shareKind';
import type { UserIdentity } from '../share/userIdentity';
import { readPassphrase } from './readPassphrase';

/** Options of the commands that unlock a key file or open a share. */
export interface KeyOptions {
  identity?: string;
  passphraseFile?: string;
  sharePassphraseFile?: string;
  acceptSender?: string;
}

/** Unlocks the key file named by --identity (its passphrase: --passphrase-file, DOSSIER_PASSPHRASE or a prompt). */
export async function unlockKeyFile(keyFile: string, opts: KeyOptions): Promise<UserIdentity> {
  const passphrase = await readPassphrase({
    file: opts.passphraseFile,
    env: 'DOSSIER_PASSPHRASE',
    prompt: `Passphrase of ${keyFile}: `,
    what: "the key file's passphrase",
    fileOption: '--passphrase-file',
  });
  return loadKeyFile(keyFile, passphrase);
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

/**
 * What it takes to open this share, judged from the file itself: a share sent to people needs
 * --identity; a passphrase share needs its passphrase (and --identity only to name the receiver).
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

/** The receive-side hint for SENDER_UNKNOWN: how to accept the key once it was compared. */
export function withAcceptHint(error: unknown): unknown {
  if (error instanceof DossierError && error.code === 'SENDER_UNKNOWN' && error.details?.accepted === undefined && typeof error.details?.fingerprint === 'string') {
    return new DossierError(
      error.code,
      `${error.message} If the sender confirms ${error.details.fingerprint}, run again with --accept-sender ${error.details.fingerprint}.`,
      error.details,
    );
  }
  return error;
}
