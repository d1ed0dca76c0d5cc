import { createHash, randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AGE_PAYLOAD_NONCE_BYTES, agePayloadKey, encryptAgePayload } from './agePayload';
import { type AgeAudience, newAgeHeader } from './newAgeHeader';
import { readAhead } from './readAhead';
import { exists } from './publishFile';
import { makePrivateWorkDir } from './privateWorkDir';
import type { CaseFile } from '../casefile/CaseFile';
import { DossierError } from '../contract/errors';
import { outputFileError } from '../outputs/outputFileError';
import { type WrittenOutput, writeOutputFile } from '../outputs/writeOutputFile';
import { READ_AHEAD_RING, readFileChunks } from './fileChunks';
import { sha256File } from './hashFile';
import { signManifest } from './manifestSignature';
import { assertX25519Recipient } from './publicIdentity';
import { buildManifest, serializeManifest, SNAPSHOT_ENTRY_NAME, type ManifestFields, type ShareManifest } from './shareManifest';
import type { ShareRunOptions } from './shareProgress';
import { ShareError, throwIfAborted } from './ShareError';
import { MANIFEST_ENTRY_NAME, SIGNATURE_ENTRY_NAME } from './shareTarReader';
import { tarSize, tarStream, type TarEntry } from './shareTarWriter';
import { hashSnapshot, snapshotCaseFile, snapshotDatabase, type Snapshot } from './snapshot';
import type { UserIdentity } from './userIdentity';
import { DEFAULT_SCRYPT_WORK_FACTOR } from './keyFile';

export interface CreateShareRequest {
  /** Exactly one source. A consistent copy made earlier; it must not change during the call. */
  snapshotPath?: string;
  /** A case file on disk, snapshotted now (it may be open elsewhere). */
  caseFilePath?: string;
  /** An open connection, snapshotted now (the app's own connection: no restarts on its writes). */
  database?: Database.Database;
  /**
   * A snapshot already taken and hashed (snapshotDatabase's result), when the caller needed to
   * read it first (shareCase takes the manifest's case id and audit heads from it). Not hashed
   * again up front; the encrypting pass re-hashes it and fails with SNAPSHOT_CHANGED on a difference.
   */
  snapshot?: Snapshot;
  manifestFields: ManifestFields;
  sender: UserIdentity;
  /**
   * age X25519 recipients (`age1...`) of the teammates who may open the share. Add the sender's
   * own recipient to be able to reopen it. Cannot be combined with `passphrase`.
   */
  recipients?: readonly string[];
  /**
   * Passphrase instead of recipients. age forbids a passphrase stanza beside other recipients
   * (the file would then be only as strong as the weaker), so asking for both is an error
   * (SHARE_PASSPHRASE_WITH_RECIPIENTS): make two shares if both are needed.
   */
  passphrase?: string;
  /** log2 of scrypt N for passphrase shares (default 18, as age). Lower only in tests. */
  scryptWorkFactor?: number;
}

export interface CreateShareOptions extends ShareRunOptions {
  /**
   * Folder in which a private (0700) folder for the plain-text snapshot is made (default: the
   * case file's own folder; never the output's, which may be a USB stick or a synced folder).
   */
  tempDir?: string;
  /** The open case being shared: the share never goes over it, and `record` runs in its transaction. */
  caseFile?: CaseFile;
  /** Records the share in the case (custody, audit) before the file gets its name (writeOutputFile). */
  record?: (manifest: ShareManifest) => void;
}

export interface CreatedShare {
  readonly path: string;
  readonly manifest: ShareManifest;
  /** bytes of the share file */
  readonly size: number;
}

/**
 * Writes an encrypted, signed share of a case file to `outPath` (conventionally
 * `<case>.dossier.age`). Streams throughout: memory does not grow with the case size.
 * Written through writeOutputFile: the file appears at `outPath` only when complete, synced, read
 * back and recorded; on any failure nothing is left. A snapshot taken here stays in a private
 * folder beside the case file, never beside the output.
 */
export async function createShare(
  request: CreateShareRequest,
  outPath: string,
  options: CreateShareOptions = {},
): Promise<CreatedShare> {
  const { signal, onProgress } = options;
  const audience = ageAudience(request); // validate the cheap things before any long work
  const sourceCount = [request.snapshotPath, request.caseFilePath, request.database, request.snapshot].filter((s) => s !== undefined).length;
  if (sourceCount !== 1) {
    throw new ShareError('SNAPSHOT_SOURCE_NOT_FOUND', 'Give exactly one of snapshot, snapshotPath, caseFilePath or database to share.');
  }
  const target = path.resolve(outPath);
  if (await exists(target)) {
    throw new ShareError('SHARE_OUTPUT_EXISTS', `${target} already exists; choose another name.`, { path: target });
  }
  throwIfAborted(signal);

  // Only a snapshot taken here needs a work folder; it is private and beside the case file.
  const snapshotFrom = request.caseFilePath ?? request.database?.name;
  const workDir = snapshotFrom !== undefined && request.snapshot === undefined && request.snapshotPath === undefined
    ? await makePrivateWorkDir(options.tempDir ?? path.dirname(path.resolve(snapshotFrom)))
    : null;
  try {
    let snapshot: Snapshot;
    if (request.snapshot !== undefined) {
      snapshot = request.snapshot;
    } else if (request.snapshotPath !== undefined) {
      snapshot = await hashGivenSnapshot(request.snapshotPath, options);
    } else {
      const snapshotPath = path.join(workDir!, SNAPSHOT_ENTRY_NAME);
      snapshot = request.database !== undefined
        ? await snapshotDatabase(request.database, snapshotPath, { signal, onProgress })
        : await snapshotCaseFile(request.caseFilePath!, snapshotPath, { signal, onProgress });
    }

    const manifest = buildManifest(request.manifestFields, request.sender.publicIdentity, snapshot);
    const manifestBytes = serializeManifest(manifest);
    const signature = signManifest(manifestBytes, request.sender.signingKey);
    const mtime = Math.floor(Date.parse(manifest.createdAt) / 1000);

    const rehash = createHash('sha256');
    const snapshotHandle = await open(snapshot.path, 'r');
    let written: WrittenOutput;
    try {
      const entries: TarEntry[] = [
        { name: MANIFEST_ENTRY_NAME, size: manifestBytes.length, mtime, data: manifestBytes },
        { name: SIGNATURE_ENTRY_NAME, size: signature.length, mtime, data: signature },
        // Read ahead: the next read runs on libuv's threads while this one hashes and encrypts.
        // Reused read buffers: the tar writer passes each chunk on as it is and the encryption
        // copies what it keeps (a partial STREAM chunk) before it pulls the next.
        {
          name: SNAPSHOT_ENTRY_NAME,
          size: snapshot.size,
          mtime,
          data: hashed(readAhead(readFileChunks(snapshotHandle, 0, snapshot.size, signal, { ring: READ_AHEAD_RING })), rehash),
        },
      ];
      const total = tarSize(entries.map((e) => e.size));
      const plain = counted(tarStream(entries), (done) => onProgress?.({ stage: 'encrypt', done, total }));
      // age v1: the header (age-encryption's), a fresh 16-byte nonce, then the STREAM payload
      // (agePayload.ts, Node's ChaCha20-Poly1305), written through the one output-file path.
      const { header, fileKey } = await newAgeHeader(audience);
      const payloadNonce = randomBytes(AGE_PAYLOAD_NONCE_BYTES);
      written = await writeOutputFile(
        target,
        {
          caseFile: options.caseFile ?? null,
          // Hashed again while encrypting: the bytes shipped are the bytes signed, even if someone
          // touched a caller-supplied snapshot in between.
          check: () => {
            if (rehash.digest('hex') !== snapshot.sha256) throw snapshotChanged();
          },
          record: () => options.record?.(manifest),
        },
        async (sink) => {
          await sink.write(header);
          await sink.write(payloadNonce);
          for await (const sealed of encryptAgePayload(agePayloadKey(fileKey, payloadNonce), plain)) await sink.write(sealed);
        },
      );
    } finally {
      await snapshotHandle.close();
    }
    return { path: target, manifest, size: written.bytes };
  } catch (err) {
    throw asShareError(err);
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/** Who may open the share, checked: recipients or a passphrase, never both, never none. */
function ageAudience(request: CreateShareRequest): AgeAudience {
  const recipients = [...new Set(request.recipients ?? [])];
  if (request.passphrase !== undefined) {
    if (recipients.length > 0) {
      throw new ShareError(
        'SHARE_PASSPHRASE_WITH_RECIPIENTS',
        'A share is protected either by a passphrase or by recipients, not both (the age format forbids mixing them). Make two shares if you need both.',
      );
    }
    if (request.passphrase.length === 0) {
      throw new ShareError('PASSPHRASE_REQUIRED', 'The passphrase is empty.');
    }
    return { passphrase: request.passphrase, scryptWorkFactor: request.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR };
  }
  if (recipients.length === 0) {
    throw new ShareError('SHARE_NO_RECIPIENTS', 'Choose at least one teammate (or a passphrase) to share with.');
  }
  for (const recipient of recipients) assertX25519Recipient(recipient);
  return { recipients };
}

async function hashGivenSnapshot(snapshotPath: string, options: ShareRunOptions): Promise<Snapshot> {
  try {
    return await hashSnapshot(snapshotPath, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ShareError('SNAPSHOT_SOURCE_NOT_FOUND', `No snapshot at ${snapshotPath}.`, { path: snapshotPath });
    }
    throw err;
  }
}

async function* hashed(source: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ShareError) throw err;
    throw snapshotChanged(err);
  }
}

async function* counted(source: AsyncIterable<Uint8Array>, report: (done: number) => void): AsyncGenerator<Uint8Array> {
  let done = 0;
  for await (const chunk of source) {
    yield chunk;
    done += chunk.length;
    report(done);
  }
}

function snapshotChanged(cause?: unknown): ShareError {
  return new ShareError(
    'SNAPSHOT_CHANGED',
    'The snapshot file changed while the share was being written; the share was not created. Take a fresh snapshot and try again.',
    {},
    { cause },
  );
}

function asShareError(err: unknown): DossierError {
  if (err instanceof ShareError) return err;
  if (err instanceof DossierError) {
    // A name taken meanwhile keeps the share's own code, which the UI offers "choose another" on.
    if (err.code === 'FILE_EXISTS') return new ShareError('SHARE_OUTPUT_EXISTS', err.message, { path: String(err.details?.path ?? '') });
    return err;
  }
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC' || e.code === 'EACCES' || e.code === 'EROFS') return outputFileError(err, String(e.path ?? 'the share'));
  return new ShareError('IO_FAILED', `Could not write the share: ${e.message}`, {}, { cause: err });
}
