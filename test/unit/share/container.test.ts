import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/casefile/canonicalJson';
import { buildManifest, parseManifest, serializeManifest } from '../../../src-main/share/shareManifest';
import { readShareTar } from '../../../src-main/share/shareTarReader';
import { tarSize, tarStream, type TarEntry } from '../../../src-main/share/shareTarWriter';
import { decodePaxRecords, encodePaxSizeRecord, encodeTarHeader, paddingFor } from '../../../src-main/share/tarHeader';
import { makeTeam, makeTempDir, manifestFields } from './shareFixtures';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => { tmp = makeTempDir(); });
afterAll(() => tmp.cleanup());

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Feeds `bytes` to readShareTar in pieces of `piece` bytes; returns what the hooks saw. */
async function readBack(bytes: Uint8Array, piece: number) {
  const seen = { manifest: '', sig: '', snapshot: Buffer.alloc(0), archiveEnd: 0 };
  const snapshotChunks: Uint8Array[] = [];
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += piece) yield bytes.slice(i, i + piece);
  }
  await readShareTar(pieces(), {
    onManifest: (m, s) => { seen.manifest = Buffer.from(m).toString(); seen.sig = Buffer.from(s).toString(); return JSON.parse(seen.manifest).size; },
    onSnapshotStart: (_size, end) => { seen.archiveEnd = end; },
    onSnapshotChunk: (c) => { snapshotChunks.push(c.slice()); },
  });
  seen.snapshot = Buffer.concat(snapshotChunks);
  return seen;
}

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, no whitespace, ES number form', () => {
    // No Unicode normalisation: a decomposed e + U+0301 is another key, and sorts first (0x65 < 0xE9).
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '\u00e9': 1e21, 'e\u0301': 0.1, A: -0 })).toBe(
      '{"A":0,"a":[true,null,"x"],"b":1,"e\u0301":0.1,"\u00e9":1e+21}',
    );
    // As in RFC 8785's sorting example: by UTF-16 code units, U+1F600 (a surrogate pair) sorts before U+FB33
    expect(canonicalJson({ '\ufb33': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\ufb33":1}');
  });

  it('refuses what it cannot represent', () => {
    for (const bad of [{ a: undefined }, { a: NaN }, { a: Infinity }, '\ud800', new Date(), { f: () => 1 }]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
    }
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/cycle/);
  });
});

describe('share manifest', async () => {
  const [alice] = await makeTeam('Alice Example');
  const snapshot = { sha256: 'a'.repeat(64), size: 123 };

  it('serializes canonically and parses back', () => {
    const manifest = buildManifest({ ...manifestFields, createdAt: '2026-03-01T10:00:00.000Z' }, alice!.publicIdentity, snapshot);
    const bytes = serializeManifest(manifest);
    expect(Buffer.from(bytes).toString()).toBe(canonicalJson(manifest));
    expect(parseManifest(bytes)).toEqual(manifest);
  });

  it('MANIFEST_INVALID for bad fields, naming the field', () => {
    expect(() => buildManifest({ ...manifestFields, caseId: '' }, alice!.publicIdentity, snapshot))
      .toThrow(expect.objectContaining({ code: 'MANIFEST_INVALID', message: expect.stringContaining('caseId') }));
    expect(() => buildManifest({ ...manifestFields, createdAt: 'yesterday' }, alice!.publicIdentity, snapshot))
      .toThrow(expect.objectContaining({ code: 'MANIFEST_INVALID', message: expect.stringContaining('createdAt') }));
    expect(() => buildManifest({ ...manifestFields, auditHeads: [{ x: NaN }] }, alice!.publicIdentity, snapshot))
      .toThrow(expect.objectContaining({ code: 'MANIFEST_INVALID' }));
    const manifest = buildManifest(manifestFields, alice!.publicIdentity, snapshot);
    const wrongFp = { ...manifest, sender: { ...manifest.sender, fingerprint: '0000-0000-0000-0000-0000-0000' } };
    expect(() => parseManifest(Buffer.from(canonicalJson(wrongFp)))).toThrow(expect.objectContaining({ code: 'MANIFEST_INVALID' }));
    const extraKey = { ...manifest, note: 'unsigned?' };
    expect(() => parseManifest(Buffer.from(canonicalJson(extraKey)))).toThrow(expect.objectContaining({ code: 'MANIFEST_INVALID' }));
    // duplicate keys parse (last wins) but are not canonical
    const text = canonicalJson(manifest).replace('"caseId":', '"caseId":"x","caseId":');
    expect(() => parseManifest(Buffer.from(text))).toThrow(expect.objectContaining({ code: 'MANIFEST_INVALID' }));
  });
});

describe('tar container', () => {
  const manifest = Buffer.from(JSON.stringify({ size: 70_000 }));
  const sig = Buffer.from('sig\n');
  const snapshot = Buffer.alloc(70_000, 7);
  const entries = (): TarEntry[] => [
    { name: 'manifest.json', size: manifest.length, mtime: 1_700_000_000, data: manifest },
    { name: 'manifest.sig', size: sig.length, mtime: 1_700_000_000, data: sig },
    { name: 'case.dossier', size: snapshot.length, mtime: 1_700_000_000, data: (async function* () { yield snapshot.subarray(0, 1000); yield snapshot.subarray(1000); })() },
  ];

  it('writes a ustar archive GNU tar lists and extracts; tarSize predicts its size', async () => {
    const bytes = await collect(tarStream(entries()));
    expect(bytes.length).toBe(tarSize([manifest.length, sig.length, snapshot.length]));
    const file = path.join(tmp.dir, 'c.tar');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('tar', ['-tvf', file], { encoding: 'utf8' })).toMatch(/-rw-r--r-- 0\/0 +70000 2023-11-1\d \d\d:\d\d case\.dossier/);
    const x = path.join(tmp.dir, 'x');
    fs.mkdirSync(x);
    execFileSync('tar', ['-xf', file, '-C', x]);
    expect(fs.readFileSync(path.join(x, 'case.dossier')).equals(snapshot)).toBe(true);
  });

  it('reads back whatever the chunking', async () => {
    const bytes = await collect(tarStream(entries()));
    for (const piece of [1, 511, 512, 4096, 65536, bytes.length]) {
      const seen = await readBack(bytes, piece);
      expect(seen.manifest).toBe(manifest.toString());
      expect(seen.sig).toBe('sig\n');
      expect(seen.snapshot.equals(snapshot)).toBe(true);
      expect(seen.archiveEnd).toBe(bytes.length);
    }
  });

  it('refuses a source that yields more or fewer bytes than declared', async () => {
    const short: TarEntry = { name: 'case.dossier', size: 10, mtime: 0, data: Buffer.alloc(9) };
    await expect(collect(tarStream([short]))).rejects.toThrow(/expected 10 bytes/);
    const long: TarEntry = { name: 'case.dossier', size: 10, mtime: 0, data: Buffer.alloc(11) };
    await expect(collect(tarStream([long]))).rejects.toThrow(/expected 10 bytes/);
  });

  it('a pax size header (used from 8 GiB) is read by GNU tar and by our reader', async () => {
    // Small data, but framed as a >8 GiB entry would be: pax size record, ustar size field 0.
    const record = encodePaxSizeRecord(snapshot.length);
    expect(decodePaxRecords(record)).toEqual(new Map([['size', String(snapshot.length)]]));
    expect(Buffer.from(encodePaxSizeRecord(99_999_999_999)).toString()).toBe('20 size=99999999999\n');
    const head = await collect(tarStream(entries().slice(0, 2)));
    const body = Buffer.concat([
      head.subarray(0, head.length - 1024), // drop end-of-archive
      encodeTarHeader({ name: 'PaxHeaders/case.dossier', size: record.length, mtime: 0, typeflag: 'x' }),
      Buffer.concat([record, Buffer.alloc(paddingFor(record.length))]),
      encodeTarHeader({ name: 'case.dossier', size: 0, mtime: 0, typeflag: '0' }),
      snapshot,
      Buffer.alloc(paddingFor(snapshot.length) + 1024),
    ]);
    const file = path.join(tmp.dir, 'pax.tar');
    fs.writeFileSync(file, body);
    expect(execFileSync('tar', ['-tvf', file], { encoding: 'utf8' })).toContain(' 70000 ');
    const seen = await readBack(body, 4096);
    expect(seen.snapshot.equals(snapshot)).toBe(true);
  });

  it('refuses a bad header checksum and an unexpected pax key', async () => {
    const bytes = await collect(tarStream(entries()));
    const broken = Buffer.from(bytes);
    broken[10]! ^= 1;
    await expect(readBack(broken, 4096)).rejects.toMatchObject({ code: 'SHARE_CONTENT_INVALID', message: expect.stringMatching(/checksum/) });
    const pathRecord = Buffer.from('25 path=../../etc/passwd\n');
    const evil = Buffer.concat([
      encodeTarHeader({ name: 'PaxHeaders/manifest.json', size: pathRecord.length, mtime: 0, typeflag: 'x' }),
      Buffer.concat([pathRecord, Buffer.alloc(paddingFor(pathRecord.length))]),
      bytes,
    ]);
    await expect(readBack(evil, 4096)).rejects.toMatchObject({ code: 'SHARE_CONTENT_INVALID', message: expect.stringMatching(/"path"/) });
  });
});
