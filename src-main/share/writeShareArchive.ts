import { runningSha256 } from '../hashing/runningSha256';
import type { OutputSink } from '../outputs/writeOutputFile';
import { AGE_CHUNK_BYTES, AGE_TAG_BYTES, encryptAgePayload, sealAgeChunks } from './agePayload';
import { SNAPSHOT_ENTRY_NAME } from './shareManifest';
import { MANIFEST_ENTRY_NAME, SIGNATURE_ENTRY_NAME } from './shareTarReader';
import { tarEnd, tarEntryBytes, tarEntryHead } from './shareTarWriter';

/** manifest.json and manifest.sig, the signed statement at the head of a share's archive. */
export interface SignedHead {
  readonly manifest: Uint8Array;
  readonly signature: Uint8Array;
}

export interface ShareArchiveInput {
  /** the STREAM key of the age payload (agePayloadKey) */
  readonly key: Buffer;
  /** seconds since the epoch, for every tar entry */
  readonly mtime: number;
  readonly snapshotSize: number;
  /** the snapshot's bytes, exactly `snapshotSize` of them (checked); read once */
  readonly snapshot: AsyncIterable<Uint8Array>;
  /** A head of the same byte lengths as the real one (a manifest with a dummy hash, signed). */
  readonly placeholder: SignedHead;
  /** The real head, for the SHA-256 of the snapshot bytes that were encrypted. */
  readonly sign: (snapshotSha256: string) => SignedHead;
  /** plaintext bytes encrypted so far, of `total` */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Writes the age payload of a share (after the age header and payload nonce): a tar archive of
 * manifest.json, manifest.sig and case.dossier, in that order, byte for byte what tarStream and
 * encryptAgePayload would write (docs/share-format.md). But the snapshot is read once: it is
 * hashed as it is encrypted, and only then are the manifest (which states that hash) and its
 * signature made and the STREAM chunks holding them sealed, into room reserved for them at the
 * start (the manifest's length does not depend on the hash, so that room is known up front).
 *
 * So the bytes signed are by construction the bytes shipped, without a second pass over the
 * snapshot (one pass of SHA-256 over a 1 GiB snapshot costs about 75% of `age -r`'s whole run;
 * for large snapshots it runs on a worker thread while this one encrypts).
 */
export async function writeShareArchive(sink: OutputSink, input: ShareArchiveInput): Promise<SignedHead & { snapshotSha256: string }> {
  const { key, mtime, snapshotSize } = input;
  const headBytes = (head: SignedHead): Uint8Array =>
    Buffer.concat([
      tarEntryBytes({ name: MANIFEST_ENTRY_NAME, mtime, data: head.manifest }),
      tarEntryBytes({ name: SIGNATURE_ENTRY_NAME, mtime, data: head.signature }),
      tarEntryHead({ name: SNAPSHOT_ENTRY_NAME, size: snapshotSize, mtime }),
    ]);
  const headLength = headBytes(input.placeholder).length;
  const end = tarEnd(snapshotSize);
  const total = headLength + snapshotSize + end.length;
  const chunkCount = Math.max(1, Math.ceil(total / AGE_CHUNK_BYTES));
  // The chunks that hold any byte of the head are sealed last; the snapshot bytes they also
  // hold (at most one chunk's worth) are kept until then.
  const lateChunks = Math.ceil(headLength / AGE_CHUNK_BYTES);
  const latePlain = Math.min(total, lateChunks * AGE_CHUNK_BYTES);
  const held = Buffer.alloc(latePlain - headLength);
  const reservation = await sink.reserve(latePlain + lateChunks * AGE_TAG_BYTES);

  // On a worker thread for large snapshots, beside the encryption (runningSha256).
  const hash = runningSha256(snapshotSize);
  let heldUsed = 0;
  let done = headLength;
  async function* afterHead(): AsyncGenerator<Uint8Array> {
    let seen = 0;
    for await (const chunk of input.snapshot) {
      seen += chunk.length;
      if (seen > snapshotSize) throw new Error(`the snapshot gave more than its ${snapshotSize} bytes`);
      await hash.update(chunk);
      yield chunk;
    }
    if (seen !== snapshotSize) throw new Error(`the snapshot gave ${seen} of its ${snapshotSize} bytes`);
    yield end;
  }
  async function* toEncryptNow(): AsyncGenerator<Uint8Array> {
    for await (const chunk of afterHead()) {
      const kept = Math.min(held.length - heldUsed, chunk.length);
      if (kept > 0) held.set(chunk.subarray(0, kept), heldUsed);
      heldUsed += kept;
      if (chunk.length > kept) yield chunk.subarray(kept);
      done += chunk.length;
      input.onProgress?.(done, total);
    }
  }

  let snapshotSha256: string;
  try {
    if (chunkCount > lateChunks) {
      for await (const sealed of encryptAgePayload(key, toEncryptNow(), { firstChunk: lateChunks })) await sink.write(sealed);
    } else {
      // A tiny archive: everything fits in the chunks sealed last.
      for await (const rest of toEncryptNow()) throw new Error(`internal: ${rest.length} bytes past the held head chunks`);
    }
    snapshotSha256 = await hash.digest();
  } finally {
    hash.close();
  }
  const head = input.sign(snapshotSha256);
  const headNow = headBytes(head);
  if (headNow.length !== headLength) {
    throw new Error(`internal: the signed head is ${headNow.length} bytes, ${headLength} were reserved for it`);
  }
  await sink.fill(reservation, sealAgeChunks(key, 0, Buffer.concat([headNow, held]), chunkCount === lateChunks));
  return { ...head, snapshotSha256 };
}
