import { formatBytes } from '../contract/formatBytes';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, rename, rm, rmdir, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Decrypter } from 'age-encryption';
import { loadAge } from './ageLibrary';
import { AgePayloadError } from './agePayload';
import { inspectAgeHeader } from './ageHeader';
import { FileSink } from '../outputs/FileSink';
import { decryptAgeFile, type DecryptingAgeFile } from './decryptAgeFile';
import { verifyManifestSignature } from './manifestSignature';
import { parseManifest, SNAPSHOT_ENTRY_NAME, type ShareManifest } from './shareManifest';
import type { ShareRunOptions } from './shareProgress';
import { ShareError } from './ShareError';
import { MANIFEST_ENTRY_NAME, readShareTar, SIGNATURE_ENTRY_NAME } from './shareTarReader';
import { classifyOpenFailure, classifyHeaderFailure, truncatedShareError } from './classifyOpenFailure';
import { findHeldKey, findRosterMember, heldKeyMessage, type TeamRoster } from './teamRoster';
import { normalizeFingerprint, samePublicKeys, type PublicIdentity } from './publicIdentity';
import type { UserIdentity } from './userIdentity';

export interface OpenShareKeys {
  /** The receiver's identity (for shares sent to recipients). */
  identity?: UserIdentity;
  /** The passphrase (for passphrase shares). Either or both may be given. */
  passphrase?: string;
  /** The teammates whose shares are accepted. */
  roster: TeamRoster;
  /**
   * Accept a validly signed share from a key not in the roster (after the user compared its
   * fingerprint with the sender). Default false: such a share fails with SENDER_UNKNOWN.
   */
  acceptUnknownSender?: boolean;
  /**
   * Accept a validly signed share from a key not in the roster only if its fingerprint is this
   * one (what the user compared by phone). Safer than acceptUnknownSender: a share from anyone
   * else still fails with SENDER_UNKNOWN.
   */
  acceptSenderFingerprint?: string;
  /**
   * The share must be of this case (checked right after the signature, before the case file is
   * written anywhere): SHARE_WRONG_CASE otherwise.
   */
  expectedCaseId?: string;
}

export interface OpenedShare {
  readonly manifest: ShareManifest;
  /** Fingerprint of the key that signed the manifest. */
  readonly senderFingerprint: string;
  /** True when that key is in the roster (keys compared, not names). */
  readonly signerKnown: boolean;
  /** The roster entry of the sender, when known: show this name rather than the self-declared one. */
  readonly rosterMember?: PublicIdentity;
  /** outDir/case.dossier: the received case file, hash-checked against the signed manifest. */
  readonly snapshotPath: string;
  /** outDir/manifest.json and outDir/manifest.sig, kept for the audit trail of the receive step. */
  readonly manifestPath: string;
  readonly signaturePath: string;
}

/** Kept free beyond the case file itself when receiving. */
const SPACE_MARGIN_BYTES = 64 * 1024 * 1024;

/**
 * Decrypts and verifies a share into `outDir` (created; must not exist or be empty). Streams
 * throughout. Checks, in order: age format, key, container structure, manifest, signature,
 * sender against the roster (before the case file is written anywhere), then the case file's
 * size and SHA-256. Any failure throws a ShareError with its own code and leaves `outDir`
 * as it was: everything is written to a sibling temporary folder and renamed at the end.
 */
export async function openShare(
  sharePath: string,
  keys: OpenShareKeys,
  outDir: string,
  options: ShareRunOptions = {},
): Promise<OpenedShare> {
  const { signal, onProgress } = options;
  if (keys.identity === undefined && keys.passphrase === undefined) {
    throw new ShareError('NO_MATCHING_IDENTITY', 'Give your identity or the passphrase to open a share.');
  }
  if (keys.acceptSenderFingerprint !== undefined) normalizeFingerprint(keys.acceptSenderFingerprint); // a typo fails now, not after decrypting
  const destination = path.resolve(outDir);
  await assertUsableDestination(destination);

  let handle;
  try {
    handle = await open(sharePath, 'r');
  } catch (err) {
    throw new ShareError('IO_FAILED', `Cannot read ${sharePath}: ${(err as Error).message}`, { path: sharePath }, { cause: err });
  }
  const workDir = await mkdtemp(path.join(path.dirname(destination), `.${path.basename(destination)}.receiving-`));
  let plainIterator: AsyncGenerator<Uint8Array> | undefined;
  let archiveEnd: number | undefined;
  let plaintextTotal = Number.POSITIVE_INFINITY;
  try {
    const fileSize = (await handle.stat()).size;
    const header = await inspectAgeHeader(handle, fileSize);
    const decrypter = makeDecrypter(keys, header.stanzaTypes, await loadAge());

    let plain: DecryptingAgeFile;
    try {
      plain = await decryptAgeFile(handle, fileSize, header, decrypter, {
        signal,
        // The tar reader holds views of at most three outputs (a 1 MiB manifest across two
        // boundaries) and the snapshot's are copied by the FileSink before the next is pulled.
        outputRing: 4,
        onRead: (done, total) => onProgress?.({ stage: 'decrypt', done, total }),
      });
    } catch (err) {
      throw err instanceof AgePayloadError ? truncatedShareError(err) : classifyHeaderFailure(err, header.stanzaTypes);
    }
    plaintextTotal = plain.plaintextSize;

    let manifest: ShareManifest | undefined;
    let result: Omit<OpenedShare, 'snapshotPath' | 'manifestPath' | 'signaturePath'> | undefined;
    const snapshotTemp = path.join(workDir, SNAPSHOT_ENTRY_NAME);
    const hash = createHash('sha256');
    let sink: FileSink | undefined;
    let snapshotHandle: Awaited<ReturnType<typeof open>> | undefined;
    plainIterator = plain.plaintext;
    try {
      await readShareTar(plainIterator, {
        onManifest: async (manifestBytes, signatureBytes) => {
          manifest = parseManifest(manifestBytes);
          if (!verifyManifestSignature(manifestBytes, signatureBytes, manifest.sender.ed25519PublicKey)) {
            throw new ShareError(
              'SIGNATURE_INVALID',
              `The signature on this share does not match its contents (it claims to be from ${manifest.sender.name}, ${manifest.sender.fingerprint}). It was altered or forged; do not use it.`,
              { fingerprint: manifest.sender.fingerprint },
            );
          }
          if (keys.expectedCaseId !== undefined && manifest.caseId !== keys.expectedCaseId) {
            throw new ShareError(
              'SHARE_WRONG_CASE',
              `This share is of another case ("${manifest.caseTitle}", ${manifest.caseId}), not of this one (${keys.expectedCaseId}).`,
              { caseId: manifest.caseId, expectedCaseId: keys.expectedCaseId },
            );
          }
          result = checkSender(manifest, keys);
          await writeFile(path.join(workDir, MANIFEST_ENTRY_NAME), manifestBytes, { flag: 'wx' });
          await writeFile(path.join(workDir, SIGNATURE_ENTRY_NAME), signatureBytes, { flag: 'wx' });
          await assertSpace(workDir, manifest.snapshot.size);
          return manifest.snapshot.size;
        },
        onSnapshotStart: async (_size, end) => {
          archiveEnd = end;
          if (end > plaintextTotal) throw truncatedShareError();
          snapshotHandle = await open(snapshotTemp, 'wx', 0o600);
          sink = new FileSink(snapshotHandle);
        },
        onSnapshotChunk: async (chunk) => {
          hash.update(chunk);
          await sink!.write(chunk);
        },
      });
      await sink!.close();
    } finally {
      await snapshotHandle?.close();
    }
    if (hash.digest('hex') !== manifest!.snapshot.sha256) {
      throw new ShareError(
        'SNAPSHOT_HASH_MISMATCH',
        'The case file in this share is not the one the sender signed (SHA-256 differs). Do not use it; ask the sender to share again.',
        { fingerprint: result!.senderFingerprint },
      );
    }
    await moveIntoPlace(workDir, destination);
    return {
      ...result!,
      snapshotPath: path.join(destination, SNAPSHOT_ENTRY_NAME),
      manifestPath: path.join(destination, MANIFEST_ENTRY_NAME),
      signaturePath: path.join(destination, SIGNATURE_ENTRY_NAME),
    };
  } catch (err) {
    throw classifyOpenFailure(err, archiveEnd, plaintextTotal);
  } finally {
    await plainIterator?.return(undefined).catch(() => undefined);
    await handle.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

function makeDecrypter(keys: OpenShareKeys, stanzaTypes: readonly string[], age: typeof import('age-encryption')): Decrypter {
  const forPassphrase = stanzaTypes.includes('scrypt');
  if (forPassphrase && keys.passphrase === undefined) {
    throw new ShareError('NO_MATCHING_IDENTITY', 'This share is protected by a passphrase, not sent to a person: enter its passphrase.');
  }
  if (!forPassphrase && keys.identity === undefined) {
    throw new ShareError('NO_MATCHING_IDENTITY', 'This share was sent to named recipients, not protected by a passphrase: open it with your identity.');
  }
  const decrypter = new age.Decrypter();
  if (keys.identity !== undefined) decrypter.addIdentity(keys.identity.ageIdentity);
  if (keys.passphrase !== undefined) decrypter.addPassphrase(keys.passphrase);
  return decrypter;
}

function checkSender(manifest: ShareManifest, keys: OpenShareKeys): Omit<OpenedShare, 'snapshotPath' | 'manifestPath' | 'signaturePath'> {
  const sender = manifest.sender;
  const member = findRosterMember(keys.roster, sender.fingerprint);
  // The fingerprint covers both keys, but compare the keys themselves: that is what is trusted.
  const known = member !== undefined && samePublicKeys(member, sender);
  if (!known && keys.acceptSenderFingerprint !== undefined && keys.acceptUnknownSender !== true) {
    const accepted = normalizeFingerprint(keys.acceptSenderFingerprint);
    if (accepted !== sender.fingerprint) {
      throw new ShareError(
        'SENDER_UNKNOWN',
        `This share is signed by "${sender.name}" with key ${sender.fingerprint}, not by the key you accepted (${accepted}). Do not open it unless the sender confirms ${sender.fingerprint}.`,
        { fingerprint: sender.fingerprint, name: sender.name, accepted },
      );
    }
  } else if (!known && keys.acceptUnknownSender !== true) {
    const held = member === undefined ? findHeldKey(keys.roster, sender.fingerprint) : undefined;
    if (held) {
      throw new ShareError('SENDER_UNKNOWN', `This share is signed by "${sender.name}" with key ${sender.fingerprint}: ${heldKeyMessage(held, ' and open the share again')}`, {
        fingerprint: sender.fingerprint,
        name: sender.name,
        status: 'pending',
      });
    }
    throw new ShareError(
      'SENDER_UNKNOWN',
      `This share is signed by "${sender.name}" with key ${sender.fingerprint}, which is not in your team roster. Compare this fingerprint with the sender (by phone or in person), add them to the roster if it matches, and open the share again.`,
      { fingerprint: sender.fingerprint, name: sender.name },
    );
  }
  return {
    manifest,
    senderFingerprint: sender.fingerprint,
    signerKnown: known,
    ...(known ? { rosterMember: member } : {}),
  };
}

async function assertUsableDestination(destination: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(destination);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      await stat(path.dirname(destination)).catch((cause: unknown) => {
        throw new ShareError('IO_FAILED', `The folder ${path.dirname(destination)} does not exist.`, {}, { cause });
      });
      return;
    }
    throw new ShareError('DESTINATION_NOT_EMPTY', `${destination} is not an empty folder; choose a new folder to receive into.`, { path: destination }, { cause: err });
  }
  if (entries.length > 0) {
    throw new ShareError('DESTINATION_NOT_EMPTY', `${destination} is not empty; choose a new folder to receive into.`, { path: destination });
  }
}

async function assertSpace(dir: string, size: number): Promise<void> {
  const fsStats = await statfs(dir);
  const free = fsStats.bavail * fsStats.bsize;
  if (free < size + SPACE_MARGIN_BYTES) {
    throw new ShareError(
      'DESTINATION_NO_SPACE',
      `Receiving this share needs ${formatBytes(size + SPACE_MARGIN_BYTES)} free; only ${formatBytes(free)} are free there.`,
      { needed: size, free },
    );
  }
}

async function moveIntoPlace(workDir: string, destination: string): Promise<void> {
  // rename() over an empty folder works on Linux and macOS but not on Windows: remove it first.
  await rmdir(destination).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  try {
    await rename(workDir, destination);
  } catch (err) {
    // Recreate what we removed so the destination is as the caller left it.
    await mkdir(destination, { recursive: true }).catch(() => undefined);
    throw err;
  }
}

