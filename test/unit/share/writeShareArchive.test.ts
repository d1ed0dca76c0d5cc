import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../../src-main/outputs/writeOutputFile';
import { AGE_CHUNK_BYTES, encryptAgePayload } from '../../../src-main/share/agePayload';
import { SNAPSHOT_ENTRY_NAME } from '../../../src-main/share/shareManifest';
import { MANIFEST_ENTRY_NAME, SIGNATURE_ENTRY_NAME } from '../../../src-main/share/shareTarReader';
import { tarStream } from '../../../src-main/share/shareTarWriter';
import { type SignedHead, writeShareArchive } from '../../../src-main/share/writeShareArchive';
import { tempDir } from '../../helpers/tempDir';

const key = randomBytes(32);
const mtime = 1_700_000_000;

/** A head whose manifest states the snapshot hash, padded to `manifestBytes` bytes. */
function headFor(sha256: string, manifestBytes: number): SignedHead {
  const stated = `{"sha256":"${sha256}","pad":"`;
  return {
    manifest: Buffer.from(`${stated}${'p'.repeat(manifestBytes - stated.length - 2)}"}`),
    signature: Buffer.from(`${createHash('sha256').update(sha256).digest('base64')}\n`),
  };
}

/** What the in-order writers (tarStream, then encryptAgePayload from chunk 0) make of the same share. */
async function inOrder(snapshot: Buffer, manifestBytes: number): Promise<Buffer> {
  const head = headFor(createHash('sha256').update(snapshot).digest('hex'), manifestBytes);
  const plain = tarStream([
    { name: MANIFEST_ENTRY_NAME, size: head.manifest.length, mtime, data: head.manifest },
    { name: SIGNATURE_ENTRY_NAME, size: head.signature.length, mtime, data: head.signature },
    { name: SNAPSHOT_ENTRY_NAME, size: snapshot.length, mtime, data: snapshot },
  ]);
  const out: Uint8Array[] = [];
  for await (const sealed of encryptAgePayload(key, plain)) out.push(sealed);
  return Buffer.concat(out);
}

/** The same share through writeShareArchive (head sealed last), written to disk by writeOutputFile. */
async function headLast(snapshot: Buffer, manifestBytes: number, pieces = 100_000): Promise<Buffer> {
  const file = path.join(tempDir(), 'payload.bin');
  let stated = '';
  await writeOutputFile(file, { caseFile: null }, async (sink) => {
    const result = await writeShareArchive(sink, {
      key,
      mtime,
      snapshotSize: snapshot.length,
      snapshot: (async function* () {
        for (let at = 0; at < snapshot.length; at += pieces) yield snapshot.subarray(at, at + pieces);
      })(),
      placeholder: headFor('0'.repeat(64), manifestBytes),
      sign: (sha256) => headFor(sha256, manifestBytes),
    });
    stated = result.snapshotSha256;
  });
  expect(stated).toBe(createHash('sha256').update(snapshot).digest('hex'));
  return fs.readFileSync(file);
}

describe('writeShareArchive: the snapshot read once, the signed head sealed last, the same bytes', () => {
  it('is byte for byte the in-order archive and payload, at every chunk boundary', async () => {
    const manifestBytes = 900;
    // Head: manifest (512-byte header + 1024) + signature (512 + 512) + the snapshot's header.
    const head = 512 + 1024 + 512 + 512 + 512;
    const end = 1024;
    const totals = [AGE_CHUNK_BYTES - 512, AGE_CHUNK_BYTES, AGE_CHUNK_BYTES + 512, 2 * AGE_CHUNK_BYTES, 2 * AGE_CHUNK_BYTES + 512, 5 * AGE_CHUNK_BYTES];
    const sizes = [0, 1, 511, 1000, 70_001, 300_000, ...totals.map((total) => total - head - end)];
    for (const size of sizes) {
      const snapshot = randomBytes(size);
      expect((await headLast(snapshot, manifestBytes)).equals(await inOrder(snapshot, manifestBytes)), `snapshot of ${size} bytes`).toBe(true);
    }
  });

  it('a head longer than one chunk (many audit heads) is sealed over several chunks, also byte for byte', async () => {
    for (const manifestBytes of [AGE_CHUNK_BYTES - 1536, 150_000, 3 * AGE_CHUNK_BYTES]) {
      for (const size of [10, 200_000]) {
        const snapshot = randomBytes(size);
        expect((await headLast(snapshot, manifestBytes, 65_536)).equals(await inOrder(snapshot, manifestBytes)), `${manifestBytes}-byte manifest, ${size}-byte snapshot`).toBe(true);
      }
    }
  });

  it('refuses a snapshot shorter or longer than stated, and a signed head of another length; nothing is left', async () => {
    const dir = tempDir();
    const snapshot = randomBytes(200_000);
    const attempt = (over: { size?: number; signedBytes?: number }) =>
      writeOutputFile(path.join(dir, 'share.bin'), { caseFile: null }, async (sink) => {
        await writeShareArchive(sink, {
          key,
          mtime,
          snapshotSize: over.size ?? snapshot.length,
          snapshot: (async function* () { yield snapshot; })(),
          placeholder: headFor('0'.repeat(64), 900),
          sign: (sha256) => headFor(sha256, over.signedBytes ?? 900),
        });
      });
    await expect(attempt({ size: snapshot.length + 1 })).rejects.toThrow(/gave 200000 of its 200001 bytes/);
    await expect(attempt({ size: snapshot.length - 1 })).rejects.toThrow(/more than its 199999 bytes/);
    await expect(attempt({ signedBytes: 1100 })).rejects.toThrow(/signed head is \d+ bytes, \d+ were reserved/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
