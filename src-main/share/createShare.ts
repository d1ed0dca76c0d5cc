import { randomBytes } from 'node:crypto';
import { fstatSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AGE_PAYLOAD_NONCE_BYTES, agePayloadKey } from './agePayload';
import { type AgeAudience, newAgeHeader } from './newAgeHeader';
import { readAhead } from './readAhead';
import { exists } from './publishFile';
import { makePrivateWorkDir } from './privateWorkDir';
import type { CaseFile } from '../casefile/CaseFile';
import { DossierError } from '../contract/errors';
import { outputFileError } from '../outputs/outputFileError';
import { type WrittenOutput, writeOutputFile } from '../outputs/writeOutputFile';
import { READ_AHEAD_RING, readFileChunks } from './fileChunks';
import { signManifest } from './manifestSignature';
import { assertX25519Recipient } from './publicIdentity';
import { buildManifest, serializeManifest, SNAPSHOT_ENTRY_NAME, type ManifestFields, type ShareManifest } from './shareManifest';
import type { ShareRunOptions } from './shareProgress';
import { ShareError, throwIfAborted } from './ShareError';
import { snapshotCaseFile, snapshotDatabase, type Snapshot } from './snapshot';
import { writeShareArchive } from './writeShareArchive';
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
   * A snapshot already taken (snapshotDatabase's result), when the caller needed to read it first
   * (shareCase takes the manifest's case id and audit heads from it). Hashed once, as it is
   * encrypted; when it comes with a SHA-256, a difference fails with SNAPSHOT_CHANGED.
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
      snapshot = await givenSnapshot(request.snapshotPath);
    } else {
      const snapshotPath = path.join(workDir!, SNAPSHOT_ENTRY_NAME);
      snapshot = request.database !== undefined
        ? await snapshotDatabase(request.database, snapshotPath, { signal, onProgress })
        : await snapshotCaseFile(request.caseFilePath!, snapshotPath, { signal, onProgress });
    }

    // The manifest states the hash of the bytes encrypted, so it is made after them
    // (writeShareArchive); a placeholder of the same length reserves its room.
    const fields = { ...request.manifestFields, createdAt: request.manifestFields.createdAt ?? new Date().toISOString() };
    const headFor = (sha256: string) => {
      const manifest = buildManifest(fields, request.sender.publicIdentity, { sha256, size: snapshot.size });
      const bytes = serializeManifest(manifest);
      return { manifest, bytes, signature: signManifest(bytes, request.sender.signingKey) };
    };
    const placeholder = headFor('0'.repeat(64));
    let manifest: ShareManifest | undefined;
    const mtime = Math.floor(Date.parse(fields.createdAt) / 1000);

    const snapshotHandle = await open(snapshot.path, 'r');
    let written: WrittenOutput;
    try {
      const before = await snapshotHandle.stat();
      if (before.size !== snapshot.size) throw snapshotChanged();
      // age v1: the header (age-encryption's), a fresh 16-byte nonce, then the STREAM payload
      // (agePayload.ts, Node's ChaCha20-Poly1305), written through the one output-file path.
      const { header, fileKey } = await newAgeHeader(audience);
      const payloadNonce = randomBytes(AGE_PAYLOAD_NONCE_BYTES);
      written = await writeOutputFile(
        target,
        { caseFile: options.caseFile ?? null, record: () => options.record?.(manifest!) },
        async (sink) => {
          await sink.write(header);
          await sink.write(payloadNonce);
          await writeShareArchive(sink, {
            key: agePayloadKey(fileKey, payloadNonce),
            mtime,
            snapshotSize: snapshot.size,
            // Read ahead: the next read runs on libuv's threads while this one hashes and
            // encrypts. Reused read buffers: the encryption copies what it keeps (a partial
            // STREAM chunk, the chunks sealed last) before it pulls the next.
            snapshot: asSnapshotChanged(readAhead(readFileChunks(snapshotHandle, 0, snapshot.size, signal, { ring: READ_AHEAD_RING }))),
            placeholder: { manifest: placeholder.bytes, signature: placeholder.signature },
            sign: (sha256) => {
              // Read once, so it must not have been written meanwhile: a torn copy is never signed.
              const after = fstatSync(snapshotHandle.fd);
              if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ctimeMs !== before.ctimeMs) throw snapshotChanged();
              // A caller that hashed its snapshot earlier gets the bytes it hashed, or nothing.
              if (snapshot.sha256 !== undefined && sha256 !== snapshot.sha256) throw snapshotChanged();
              const head = headFor(sha256);
              manifest = head.manifest;
              return { manifest: head.bytes, signature: head.signature };
            },
            onProgress: (done, total) => onProgress?.({ stage: 'encrypt', done, total }),
          });
        },
      );
    } finally {
      await snapshotHandle.close();
    }
    if (manifest === undefined) throw new Error('internal: the share was written without its manifest');
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

/** A snapshot file given by path: its size now (it is hashed once, as it is encrypted). */
async function givenSnapshot(snapshotPath: string): Promise<Snapshot> {
  try {
    const info = await stat(snapshotPath);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    return { path: snapshotPath, size: info.size };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ShareError('SNAPSHOT_SOURCE_NOT_FOUND', `No snapshot at ${snapshotPath}.`, { path: snapshotPath });
    }
    throw err;
  }
}

/** A snapshot that cannot be read to its end (cut short meanwhile) fails as SNAPSHOT_CHANGED. */
async function* asSnapshotChanged(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of source) yield chunk;
  } catch (err) {
    if (err instanceof ShareError) throw err;
    throw snapshotChanged(err);
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
