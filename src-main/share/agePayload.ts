import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

/*
 * The payload of an age v1 file (C2SP age spec, "Payload"), encrypted and decrypted with Node's
 * own ChaCha20-Poly1305 (OpenSSL) instead of age-encryption's JavaScript one: measured here about
 * ten times faster (~90 MiB/s in JavaScript), which is most of a share's time. The header and its
 * stanzas stay with age-encryption; only this part is ours, and it follows the spec exactly:
 *
 * - payload key = HKDF-SHA-256(ikm = file key, salt = the 16-byte nonce after the header,
 *   info = "payload"), 32 bytes;
 * - plaintext cut into 64 KiB chunks, each sealed with ChaCha20-Poly1305 (16-byte tag) under a
 *   12-byte nonce: an 11-byte big-endian chunk counter from 0, then 0x01 for the last chunk and
 *   0x00 for the others;
 * - the last chunk may be full; it is empty only when the whole plaintext is empty.
 *
 * The C2SP CCTV vectors (test/unit/share/cctvVectors.test.ts) and the `age` CLI in both
 * directions check this file against the spec.
 */

/** Plaintext bytes per STREAM chunk (the spec fixes it). */
export const AGE_CHUNK_BYTES = 64 * 1024;
/** Poly1305 tag after each chunk. */
export const AGE_TAG_BYTES = 16;
/** One sealed chunk as it is stored. */
export const AGE_SEALED_CHUNK_BYTES = AGE_CHUNK_BYTES + AGE_TAG_BYTES;
/** The random nonce between the header and the first chunk. */
export const AGE_PAYLOAD_NONCE_BYTES = 16;

/** The STREAM key of one file, from its file key and payload nonce. */
export function agePayloadKey(fileKey: Uint8Array, payloadNonce: Uint8Array): Buffer {
  if (payloadNonce.length !== AGE_PAYLOAD_NONCE_BYTES) throw new Error('the age payload nonce is 16 bytes');
  return Buffer.from(hkdfSync('sha256', fileKey, payloadNonce, 'payload', 32));
}

/** The 12-byte ChaCha20-Poly1305 nonce of chunk `index` (11-byte big-endian counter, last-chunk flag). */
export function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // 2^53 chunks (512 PiB) is far beyond any file; the upper counter bytes stay zero.
  nonce.writeUIntBE(Math.floor(index / 2 ** 32), 3, 4);
  nonce.writeUInt32BE(index % 2 ** 32, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Seals one chunk (at most 64 KiB) into `out` at `offset`; returns the bytes written. */
function sealChunkInto(key: Buffer, index: number, last: boolean, plain: Uint8Array, out: Buffer, offset: number): number {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(index, last), { authTagLength: AGE_TAG_BYTES });
  const body = cipher.update(plain);
  cipher.final();
  body.copy(out, offset);
  cipher.getAuthTag().copy(out, offset + body.length);
  return body.length + AGE_TAG_BYTES;
}

/** Opens one sealed chunk; throws AgePayloadError when it does not authenticate. */
function openChunk(key: Buffer, index: number, last: boolean, sealed: Uint8Array): Buffer {
  const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(index, last), { authTagLength: AGE_TAG_BYTES });
  decipher.setAuthTag(sealed.subarray(sealed.length - AGE_TAG_BYTES));
  const plain = decipher.update(sealed.subarray(0, sealed.length - AGE_TAG_BYTES));
  try {
    decipher.final();
  } catch (cause) {
    throw new AgePayloadError(`age payload chunk ${index} does not authenticate`, { cause });
  }
  return plain;
}

/** The payload failed to authenticate or has an impossible size (cut off or altered). */
export class AgePayloadError extends Error {
  override readonly name = 'AgePayloadError';
}

/** Bytes of payload (after the nonce) that age writes for `plaintextSize` bytes. */
export function agePayloadSize(plaintextSize: number): number {
  const chunks = Math.max(1, Math.ceil(plaintextSize / AGE_CHUNK_BYTES));
  return plaintextSize + chunks * AGE_TAG_BYTES;
}

/** Plaintext bytes held by `payloadSize` bytes of payload; AgePayloadError if no age file has that size. */
export function agePlaintextSize(payloadSize: number): number {
  if (payloadSize < AGE_TAG_BYTES) throw new AgePayloadError('the age payload is shorter than one tag');
  const full = Math.floor(payloadSize / AGE_SEALED_CHUNK_BYTES);
  const rest = payloadSize % AGE_SEALED_CHUNK_BYTES;
  if (rest > 0 && rest <= AGE_TAG_BYTES && payloadSize > AGE_TAG_BYTES) {
    throw new AgePayloadError('the age payload size is impossible (a chunk shorter than its tag)');
  }
  if (payloadSize === AGE_TAG_BYTES) return 0;
  return payloadSize - (full + (rest > 0 ? 1 : 0)) * AGE_TAG_BYTES;
}

/**
 * Seals `plain` as whole chunks numbered from `firstIndex`; `endsPayload` marks its last chunk as
 * the payload's last (only that one may be short). Each chunk depends only on the key, its index
 * and that flag, so a writer may seal a payload's first chunks after the rest (createShare seals
 * the ones holding the signed manifest last).
 */
export function sealAgeChunks(key: Buffer, firstIndex: number, plain: Uint8Array, endsPayload: boolean): Buffer {
  if (!endsPayload && (plain.length === 0 || plain.length % AGE_CHUNK_BYTES !== 0)) {
    throw new Error('only the last chunk of an age payload may be short');
  }
  if (plain.length === 0 && firstIndex > 0) throw new Error('an empty chunk may only be the whole payload of an empty file');
  const count = Math.max(1, Math.ceil(plain.length / AGE_CHUNK_BYTES));
  const out = Buffer.allocUnsafe(plain.length + count * AGE_TAG_BYTES);
  let written = 0;
  for (let n = 0; n < count; n += 1) {
    const chunk = plain.subarray(n * AGE_CHUNK_BYTES, (n + 1) * AGE_CHUNK_BYTES);
    written += sealChunkInto(key, firstIndex + n, endsPayload && n === count - 1, chunk, out, written);
  }
  return out;
}

/**
 * Encrypts a plaintext stream into age payload chunks, numbered from `firstChunk` (default 0: the
 * whole payload). Input chunks of any size; each output is one buffer of whole sealed chunks for
 * the input consumed so far (one per ~1 MiB input chunk), so the consumer writes large blocks.
 * The last chunk is sealed when the input ends.
 */
export async function* encryptAgePayload(
  key: Buffer,
  plaintext: AsyncIterable<Uint8Array>,
  options: { firstChunk?: number } = {},
): AsyncGenerator<Uint8Array> {
  const firstChunk = options.firstChunk ?? 0;
  let index = firstChunk;
  // Holds at most one chunk of plaintext that may turn out to be the last.
  const pending = Buffer.alloc(AGE_CHUNK_BYTES);
  let pendingUsed = 0;
  for await (const input of plaintext) {
    if (input.length === 0) continue;
    let offset = 0;
    // Full chunks that certainly have a successor (more bytes follow them) are sealed now.
    const sealable = Math.floor((pendingUsed + input.length - 1) / AGE_CHUNK_BYTES);
    if (sealable === 0) {
      pending.set(input, pendingUsed);
      pendingUsed += input.length;
      continue;
    }
    const out = Buffer.allocUnsafe(sealable * AGE_SEALED_CHUNK_BYTES);
    let written = 0;
    for (let n = 0; n < sealable; n += 1) {
      let chunk: Uint8Array;
      if (pendingUsed > 0) {
        const take = AGE_CHUNK_BYTES - pendingUsed;
        pending.set(input.subarray(offset, offset + take), pendingUsed);
        offset += take;
        pendingUsed = 0;
        chunk = pending;
      } else {
        chunk = input.subarray(offset, offset + AGE_CHUNK_BYTES);
        offset += AGE_CHUNK_BYTES;
      }
      written += sealChunkInto(key, index, false, chunk, out, written);
      index += 1;
    }
    pending.set(input.subarray(offset), pendingUsed);
    pendingUsed += input.length - offset;
    yield out;
  }
  // The last chunk (sealAgeChunks refuses an empty one after others).
  yield sealAgeChunks(key, index, pending.subarray(0, pendingUsed), true);
}

/**
 * Decrypts `payloadSize` bytes of age payload arriving as `ciphertext` (any chunking). The size is
 * known up front (the file's size), so the last chunk is known without reading ahead, and a
 * stream that ends early or runs long is an error. Yields plaintext per input chunk.
 * With `outputRing`, the plaintext of each input is joined into one of that many reused buffers
 * instead of a fresh one: for a consumer that holds at most `outputRing - 1` earlier outputs when
 * it pulls the next (a fresh ~1 MiB buffer per read cost page faults and collection).
 */
export async function* decryptAgePayload(
  key: Buffer,
  ciphertext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  payloadSize: number,
  options: { outputRing?: number } = {},
): AsyncGenerator<Uint8Array> {
  const ring: Buffer[] = [];
  let outputs = 0;
  const join = (parts: Buffer[]): Buffer => {
    if (options.outputRing === undefined) return Buffer.concat(parts);
    const bytes = parts.reduce((sum, part) => sum + part.length, 0);
    const slot = outputs++ % options.outputRing;
    let out = ring[slot];
    if (out === undefined || out.length < bytes) out = ring[slot] = Buffer.allocUnsafe(Math.max(bytes, 1024 * 1024));
    let at = 0;
    for (const part of parts) at += part.copy(out, at);
    return out.subarray(0, bytes);
  };
  // Refuses impossible sizes before any work, among them an empty last chunk after full ones
  // (the spec allows an empty chunk only as the whole payload of an empty file).
  agePlaintextSize(payloadSize);
  const chunkCount = Math.max(1, Math.ceil(payloadSize / AGE_SEALED_CHUNK_BYTES));
  let index = 0;
  let received = 0;
  const pending = Buffer.alloc(AGE_SEALED_CHUNK_BYTES);
  let pendingUsed = 0;
  const sizeOf = (i: number): number => (i < chunkCount - 1 ? AGE_SEALED_CHUNK_BYTES : payloadSize - (chunkCount - 1) * AGE_SEALED_CHUNK_BYTES);
  for await (const input of ciphertext) {
    received += input.length;
    if (received > payloadSize) throw new AgePayloadError('the age payload is longer than its file');
    const parts: Buffer[] = [];
    let offset = 0;
    while (offset < input.length) {
      const want = sizeOf(index);
      if (pendingUsed === 0 && input.length - offset >= want) {
        parts.push(openChunk(key, index, index === chunkCount - 1, input.subarray(offset, offset + want)));
        offset += want;
        index += 1;
        continue;
      }
      const take = Math.min(want - pendingUsed, input.length - offset);
      pending.set(input.subarray(offset, offset + take), pendingUsed);
      pendingUsed += take;
      offset += take;
      if (pendingUsed === want) {
        parts.push(openChunk(key, index, index === chunkCount - 1, pending.subarray(0, want)));
        pendingUsed = 0;
        index += 1;
      }
    }
    if (parts.length === 1) yield parts[0]!;
    else if (parts.length > 1) yield join(parts);
  }
  if (received < payloadSize) throw new AgePayloadError('the age payload ended early');
}
