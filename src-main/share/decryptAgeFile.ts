import type { FileHandle } from 'node:fs/promises';
import type { Decrypter } from 'age-encryption';
import type { AgeHeaderInfo } from './ageHeader';
import { AGE_PAYLOAD_NONCE_BYTES, agePayloadKey, agePlaintextSize, decryptAgePayload } from './agePayload';
import { READ_AHEAD_RING, readFileChunks } from './fileChunks';
import { readAhead } from './readAhead';

/** An age file whose header was accepted: its plaintext, decrypted as it is read. */
export interface DecryptingAgeFile {
  /** Bytes the plaintext will have (AgePayloadError if the file's size is impossible for age). */
  readonly plaintextSize: number;
  readonly plaintext: AsyncGenerator<Uint8Array>;
}

/**
 * Opens the age file in `handle` (its header already looked at by inspectAgeHeader): the header
 * is checked and unwrapped by age-encryption's Decrypter (stanzas, identities, MAC), the payload
 * decrypted natively (agePayload.ts) while the next block is read. Errors of the header come from
 * age-encryption as they are; errors of the payload are AgePayloadError or I/O errors.
 */
export async function decryptAgeFile(
  handle: FileHandle,
  fileSize: number,
  header: AgeHeaderInfo,
  decrypter: Decrypter,
  options: {
    signal?: AbortSignal;
    onRead?: (done: number, total: number) => void;
    /** Reuse this many plaintext buffers (decryptAgePayload's outputRing). */
    outputRing?: number;
  } = {},
): Promise<DecryptingAgeFile> {
  const headerBytes = await readExactly(handle, 0, header.headerLength);
  const fileKey = await decrypter.decryptHeader(headerBytes);
  const nonce = await readExactly(handle, header.headerLength, AGE_PAYLOAD_NONCE_BYTES);
  const payloadStart = header.headerLength + AGE_PAYLOAD_NONCE_BYTES;
  const payloadSize = fileSize - payloadStart;
  const plaintextSize = agePlaintextSize(payloadSize);
  const key = agePayloadKey(fileKey, nonce);
  async function* counted(): AsyncGenerator<Uint8Array> {
    let read = payloadStart;
    // Reused read buffers: the decryption copies what it keeps (a partial chunk) before it pulls the next.
    for await (const chunk of readAhead(readFileChunks(handle, payloadStart, payloadSize, options.signal, { ring: READ_AHEAD_RING }))) {
      read += chunk.length;
      options.onRead?.(read, fileSize);
      yield chunk;
    }
  }
  const outputRing = options.outputRing;
  return { plaintextSize, plaintext: decryptAgePayload(key, counted(), payloadSize, outputRing === undefined ? {} : { outputRing }) };
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(out, filled, length - filled, position + filled);
    if (bytesRead === 0) throw new Error(`file ended at byte ${position + filled}, expected ${position + length}`);
    filled += bytesRead;
  }
  return out;
}
