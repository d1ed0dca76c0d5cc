import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  AGE_CHUNK_BYTES,
  AGE_PAYLOAD_NONCE_BYTES,
  AgePayloadError,
  agePayloadKey,
  agePayloadSize,
  agePlaintextSize,
  decryptAgePayload,
  encryptAgePayload,
} from '../../../src-main/share/agePayload';
import { newAgeHeader } from '../../../src-main/share/newAgeHeader';
import { tempDir } from '../../helpers/tempDir';
import { decryptLikeOpenShare } from './decryptLikeOpenShare';

/** Plaintext sizes around every chunk boundary the STREAM construction has. */
const SIZES = [0, 1, AGE_CHUNK_BYTES - 1, AGE_CHUNK_BYTES, AGE_CHUNK_BYTES + 1, 2 * AGE_CHUNK_BYTES, 3 * AGE_CHUNK_BYTES + 17];

/** `bytes` cut into pieces of uneven sizes, as a file reader or tar writer would hand them over. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** An age file written the way createShare writes one: library header, our nonce and payload. */
async function nativeAgeFile(plain: Uint8Array, recipient: string, pieceSize: number): Promise<Buffer> {
  const { header, fileKey } = await newAgeHeader({ recipients: [recipient] });
  const nonce = randomBytes(AGE_PAYLOAD_NONCE_BYTES);
  const parts: Uint8Array[] = [header, nonce];
  for await (const sealed of encryptAgePayload(agePayloadKey(fileKey, nonce), pieces(plain, pieceSize))) parts.push(sealed);
  return Buffer.concat(parts);
}

function decryptNatively(file: string, identity: string): Promise<Buffer> {
  return decryptLikeOpenShare(file, { identities: [identity] });
}

describe('age payload with Node crypto', () => {
  it('writes files that age-encryption and the age CLI decrypt, at every chunk boundary and input chunking', async () => {
    const dir = tempDir();
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const keyFile = path.join(dir, 'key.txt');
    fs.writeFileSync(keyFile, `${identity}\n`);
    for (const size of SIZES) {
      const plain = randomBytes(size);
      for (const pieceSize of [1000, AGE_CHUNK_BYTES, 1024 * 1024]) {
        const file = await nativeAgeFile(plain, recipient, pieceSize);
        const decrypter = new Decrypter();
        decrypter.addIdentity(identity);
        expect(Buffer.from(await decrypter.decrypt(file)).equals(plain), `size ${size}, pieces ${pieceSize}`).toBe(true);
      }
      const file = path.join(dir, `native-${size}.age`);
      fs.writeFileSync(file, await nativeAgeFile(plain, recipient, 4096));
      const byCli = execFileSync('age', ['-d', '-i', keyFile, file], { maxBuffer: 64 * 1024 * 1024 });
      expect(createHash('sha256').update(byCli).digest('hex'), `age -d, size ${size}`).toBe(createHash('sha256').update(plain).digest('hex'));
    }
  });

  it('reads files that age-encryption and the age CLI wrote, at every chunk boundary', async () => {
    const dir = tempDir();
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    for (const size of SIZES) {
      const plain = randomBytes(size);
      const encrypter = new Encrypter();
      encrypter.addRecipient(recipient);
      const byLibrary = path.join(dir, `lib-${size}.age`);
      fs.writeFileSync(byLibrary, await encrypter.encrypt(plain));
      expect((await decryptNatively(byLibrary, identity)).equals(plain), `library, size ${size}`).toBe(true);
      const plainFile = path.join(dir, `plain-${size}`);
      fs.writeFileSync(plainFile, plain);
      const byCli = path.join(dir, `cli-${size}.age`);
      execFileSync('age', ['-r', recipient, '-o', byCli, plainFile]);
      expect((await decryptNatively(byCli, identity)).equals(plain), `age CLI, size ${size}`).toBe(true);
    }
  });

  it('refuses a payload with a flipped byte, a cut-off end or a dropped chunk', async () => {
    const dir = tempDir();
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const plain = randomBytes(3 * AGE_CHUNK_BYTES + 5);
    const good = await nativeAgeFile(plain, recipient, 70_000);
    const cases: Record<string, Buffer> = {
      flipped: Buffer.from(good),
      'cut after a full chunk': good.subarray(0, good.length - (5 + 16)),
      'cut mid-chunk': good.subarray(0, good.length - 100),
      'a chunk dropped': Buffer.concat([good.subarray(0, good.length - 2 * (AGE_CHUNK_BYTES + 16) - 21), good.subarray(good.length - (AGE_CHUNK_BYTES + 16) - 21)]),
    };
    cases.flipped![good.length - 40]! ^= 1;
    for (const [name, bytes] of Object.entries(cases)) {
      const file = path.join(dir, `${name}.age`);
      fs.writeFileSync(file, bytes);
      await expect(decryptNatively(file, identity), name).rejects.toBeInstanceOf(AgePayloadError);
    }
  });

  it('computes sizes as the spec does', () => {
    expect(agePayloadSize(0)).toBe(16);
    expect(agePayloadSize(AGE_CHUNK_BYTES)).toBe(AGE_CHUNK_BYTES + 16);
    expect(agePayloadSize(AGE_CHUNK_BYTES + 1)).toBe(AGE_CHUNK_BYTES + 1 + 32);
    for (const size of SIZES) expect(agePlaintextSize(agePayloadSize(size))).toBe(size);
    expect(() => agePlaintextSize(15)).toThrow(AgePayloadError);
    // A final chunk of only a tag after full chunks: an empty last chunk, which age forbids.
    expect(() => agePlaintextSize(AGE_CHUNK_BYTES + 16 + 16)).toThrow(AgePayloadError);
    expect(() => agePlaintextSize(AGE_CHUNK_BYTES + 16 + 5)).toThrow(AgePayloadError);
  });
});

describe('decrypting into reused buffers (outputRing)', () => {
  it('a consumer holding the last three outputs when it pulls the next still sees them intact with a ring of four, and not with one', async () => {
    const key = randomBytes(32);
    const plain = randomBytes(5 * 1024 * 1024 + 12345);
    const sealed: Uint8Array[] = [];
    for await (const part of encryptAgePayload(key, pieces(plain, 1024 * 1024))) sealed.push(Buffer.from(part));
    const payload = Buffer.concat(sealed);
    // What the tar reader may do: keep views of up to three earlier outputs while it reads on.
    async function decryptHolding(outputRing: number): Promise<boolean> {
      const held: { view: Uint8Array; copy: Buffer }[] = [];
      let intact = true;
      for await (const out of decryptAgePayload(key, pieces(payload, 1024 * 1024), payload.length, { outputRing })) {
        for (const h of held) intact &&= Buffer.from(h.view).equals(h.copy);
        held.push({ view: out, copy: Buffer.from(out) });
        if (held.length > 3) held.shift();
      }
      return intact;
    }
    expect(await decryptHolding(4)).toBe(true);
    expect(await decryptHolding(1)).toBe(false);
    const joined: Buffer[] = [];
    for await (const out of decryptAgePayload(key, pieces(payload, 1024 * 1024), payload.length, { outputRing: 4 })) joined.push(Buffer.from(out));
    expect(Buffer.concat(joined).equals(plain)).toBe(true);
  });
});
