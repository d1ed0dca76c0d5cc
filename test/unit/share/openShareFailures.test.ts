import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Encrypter, armor } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/casefile/canonicalJson';
import { createShare } from '../../../src-main/share/createShare';
import { signManifest } from '../../../src-main/share/manifestSignature';
import { openShare } from '../../../src-main/share/openShare';
import { tarStream, type TarEntry } from '../../../src-main/share/shareTarWriter';
import { encodeTarHeader } from '../../../src-main/share/tarHeader';
import { makeTeamRoster, type TeamRoster } from '../../../src-main/share/teamRoster';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { ageCli, makeCaseFile, makeTeam, makeTempDir, manifestFields, writeAgeIdentityFile } from './shareFixtures';

let tmp: ReturnType<typeof makeTempDir>;
let alice: UserIdentity, bob: UserIdentity, mallory: UserIdentity;
let roster: TeamRoster;
let sharePath: string;
/** the three files of a valid share from alice to bob, as extracted by GNU tar */
let parts: { manifest: Buffer; sig: Buffer; snapshot: Buffer };
let counter = 0;

beforeAll(async () => {
  tmp = makeTempDir();
  [alice, bob, mallory] = await makeTeam('Alice Example', 'Bob Builder', 'Mallory');
  roster = makeTeamRoster([alice.publicIdentity, bob.publicIdentity]);
  const casePath = path.join(tmp.dir, 'case.dossier');
  makeCaseFile(casePath, 2 * 1024 * 1024);
  sharePath = path.join(tmp.dir, 'valid.dossier.age');
  await createShare({ caseFilePath: casePath, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient] }, sharePath);
  const x = path.join(tmp.dir, 'parts');
  fs.mkdirSync(x);
  const tarPath = path.join(x, 'share.tar');
  ageCli(['-d', '-i', writeAgeIdentityFile(tmp.dir, bob), '-o', tarPath, sharePath]);
  execFileSync('tar', ['-xf', tarPath, '-C', x]);
  parts = {
    manifest: fs.readFileSync(path.join(x, 'manifest.json')),
    sig: fs.readFileSync(path.join(x, 'manifest.sig')),
    snapshot: fs.readFileSync(path.join(x, 'case.dossier')),
  };
});
afterAll(() => tmp.cleanup());

function fresh(name: string): string {
  counter += 1;
  return path.join(tmp.dir, `${name}-${counter}`);
}

/** Runs openShare for bob into a new folder and checks that a failure leaves nothing behind. */
async function openExpectingFailure(file: string, code: string, keys: Partial<Parameters<typeof openShare>[1]> = {}) {
  const dest = fresh('recv');
  const before = fs.readdirSync(tmp.dir).filter((f) => f.includes('.receiving-'));
  const error = await openShare(file, { identity: bob, roster, ...keys }, dest).then(
    () => undefined,
    (err: unknown) => err as { code: string; message: string; details: Record<string, unknown> },
  );
  expect(error, `expected ${code}`).toBeDefined();
  expect(error!.code, error!.message).toBe(code);
  expect(fs.existsSync(dest)).toBe(false);
  expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('.receiving-'))).toEqual(before);
  return error!;
}

/** A tar of `entries` written by our writer, encrypted to bob by the age CLI. */
async function craft(entries: TarEntry[]): Promise<string> {
  const tarPath = fresh('crafted.tar');
  const chunks: Uint8Array[] = [];
  for await (const chunk of tarStream(entries)) chunks.push(chunk);
  fs.writeFileSync(tarPath, Buffer.concat(chunks));
  return encryptForBob(tarPath);
}

function encryptForBob(plainPath: string): string {
  const out = fresh('crafted.age');
  ageCli(['-r', bob.publicIdentity.ageRecipient, '-o', out, plainPath]);
  return out;
}

function entries(manifest: Uint8Array, sig: Uint8Array, snapshot: Uint8Array): TarEntry[] {
  return [
    { name: 'manifest.json', size: manifest.length, mtime: 0, data: manifest },
    { name: 'manifest.sig', size: sig.length, mtime: 0, data: sig },
    { name: 'case.dossier', size: snapshot.length, mtime: 0, data: snapshot },
  ];
}

function copyWith(file: string, edit: (bytes: Buffer) => Buffer): string {
  const out = fresh('edited.age');
  fs.writeFileSync(out, edit(fs.readFileSync(file)));
  return out;
}

describe('openShare refuses, with its own code, and writes nothing', () => {
  it('the crafting helpers produce an openable share (control)', async () => {
    const opened = await openShare(await craft(entries(parts.manifest, parts.sig, parts.snapshot)), { identity: bob, roster }, fresh('ok'));
    expect(opened.signerKnown).toBe(true);
  });

  it('NO_MATCHING_IDENTITY: encrypted to someone else', async () => {
    const err = await openExpectingFailure(sharePath, 'NO_MATCHING_IDENTITY', { identity: mallory });
    expect(err.message).toMatch(/not encrypted to your identity/);
  });

  it('SHARE_TRUNCATED: cut inside the header, after the header, inside the first chunk, mid-file, one byte short', async () => {
    const size = fs.statSync(sharePath).size;
    const headerEnd = fs.readFileSync(sharePath).indexOf('\n---') + 50;
    for (const keep of [40, 120, headerEnd, headerEnd + 20, 30_000, Math.floor(size / 2), size - 1]) {
      await openExpectingFailure(copyWith(sharePath, (b) => b.subarray(0, keep)), 'SHARE_TRUNCATED');
    }
  });

  it('SHARE_TAMPERED: one flipped byte in the header MAC, the nonce, the first chunk, the middle, the last byte', async () => {
    const bytes = fs.readFileSync(sharePath);
    const macLine = bytes.indexOf('\n--- ') + 6;
    const payload = bytes.indexOf('\n', macLine) + 1;
    const flips: Array<[number, number]> = [
      [macLine + 3, 0x01], // may or may not stay valid base64: either way it is damage
      [macLine + 4, 0x20], // a letter changes case: still base64, wrong MAC
      [payload + 5, 0x01],
      [payload + 16 + 100, 0x01],
      [Math.floor(bytes.length / 2), 0x80],
      [bytes.length - 1, 0x01],
    ];
    for (const [at, mask] of flips) {
      const altered = copyWith(sharePath, (b) => { const c = Buffer.from(b); c[at]! ^= mask; return c; });
      const err = await openExpectingFailure(altered, 'SHARE_TAMPERED');
      expect(err.message).toMatch(/altered or damaged/);
    }
  });

  it('SIGNATURE_INVALID: manifest edited after signing, or signature from another key', async () => {
    const manifest = JSON.parse(parts.manifest.toString('utf8'));
    const edited = Buffer.from(canonicalJson({ ...manifest, caseTitle: 'Something else' }));
    await openExpectingFailure(await craft(entries(edited, parts.sig, parts.snapshot)), 'SIGNATURE_INVALID');
    const forged = signManifest(parts.manifest, mallory.signingKey); // mallory signs alice's manifest
    const err = await openExpectingFailure(await craft(entries(parts.manifest, forged, parts.snapshot)), 'SIGNATURE_INVALID');
    expect(err.details.fingerprint).toBe(alice.publicIdentity.fingerprint);
    const garbage = Buffer.from('not a signature\n');
    await openExpectingFailure(await craft(entries(parts.manifest, garbage, parts.snapshot)), 'SIGNATURE_INVALID');
  });

  it('SENDER_UNKNOWN names the fingerprint; acceptUnknownSender opens it as not known', async () => {
    const fromMallory = fresh('mallory.dossier.age');
    await createShare({ snapshotPath: path.join(tmp.dir, 'parts', 'case.dossier'), manifestFields, sender: mallory, recipients: [bob.publicIdentity.ageRecipient] }, fromMallory);
    const err = await openExpectingFailure(fromMallory, 'SENDER_UNKNOWN');
    expect(err.message).toContain(mallory.publicIdentity.fingerprint);
    expect(err.details).toMatchObject({ fingerprint: mallory.publicIdentity.fingerprint, name: 'Mallory' });
    const opened = await openShare(fromMallory, { identity: bob, roster, acceptUnknownSender: true }, fresh('accepted'));
    expect(opened.signerKnown).toBe(false);
    expect(opened.rosterMember).toBeUndefined();
    expect(opened.senderFingerprint).toBe(mallory.publicIdentity.fingerprint);
  });

  it('SENDER_UNKNOWN when a re-signed manifest claims the roster name but carries another key', async () => {
    const manifest = JSON.parse(parts.manifest.toString('utf8'));
    const impostor = { ...mallory.publicIdentity, name: 'Alice Example' };
    const resigned = Buffer.from(canonicalJson({ ...manifest, sender: impostor }));
    await openExpectingFailure(await craft(entries(resigned, signManifest(resigned, mallory.signingKey), parts.snapshot)), 'SENDER_UNKNOWN');
  });

  it('SNAPSHOT_HASH_MISMATCH: a different case file under a genuine signed manifest (same size, other size)', async () => {
    const altered = Buffer.from(parts.snapshot);
    altered[altered.length - 10]! ^= 0xff;
    const err = await openExpectingFailure(await craft(entries(parts.manifest, parts.sig, altered)), 'SNAPSHOT_HASH_MISMATCH');
    expect(err.message).toMatch(/not the one the sender signed/);
    await openExpectingFailure(await craft(entries(parts.manifest, parts.sig, parts.snapshot.subarray(0, 65536))), 'SNAPSHOT_HASH_MISMATCH');
  });

  it('NOT_A_SHARE: random bytes, an empty file, a plain SQLite file, an armored age file', async () => {
    const random = fresh('random.bin');
    fs.writeFileSync(random, randomBytes(200_000));
    await openExpectingFailure(random, 'NOT_A_SHARE');
    const empty = fresh('empty.bin');
    fs.writeFileSync(empty, '');
    await openExpectingFailure(empty, 'NOT_A_SHARE');
    await openExpectingFailure(path.join(tmp.dir, 'case.dossier'), 'NOT_A_SHARE');
    const armored = fresh('armored.age');
    const e = new Encrypter();
    e.addRecipient(bob.publicIdentity.ageRecipient);
    fs.writeFileSync(armored, armor.encode(await e.encrypt('hello')));
    const err = await openExpectingFailure(armored, 'NOT_A_SHARE');
    expect(err.message).toMatch(/armored/);
  });

  it('SHARE_CONTENT_INVALID: an age file of something else, extra or missing entries, wrong order', async () => {
    const text = fresh('text.txt');
    fs.writeFileSync(text, 'just some text, not a tar\n'.repeat(5000));
    await openExpectingFailure(encryptForBob(text), 'SHARE_CONTENT_INVALID');
    const extra: TarEntry = { name: 'evil.sh', size: 3, mtime: 0, data: Buffer.from('rm\n') };
    await openExpectingFailure(await craft([...entries(parts.manifest, parts.sig, parts.snapshot), extra]), 'SHARE_CONTENT_INVALID');
    await openExpectingFailure(await craft(entries(parts.manifest, parts.sig, parts.snapshot).slice(0, 2)), 'SHARE_CONTENT_INVALID');
    const [m, s, c] = entries(parts.manifest, parts.sig, parts.snapshot);
    await openExpectingFailure(await craft([s!, m!, c!]), 'SHARE_CONTENT_INVALID');
  });

  it('SHARE_CONTENT_INVALID: path tricks, links and oversized entries', async () => {
    const [m, s, c] = entries(parts.manifest, parts.sig, parts.snapshot);
    for (const name of ['../case.dossier', '/tmp/case.dossier', './case.dossier', 'x/../case.dossier']) {
      const err = await openExpectingFailure(await craft([m!, s!, { ...c!, name }]), 'SHARE_CONTENT_INVALID');
      expect(err.message).toContain('expected case.dossier');
    }
    // A symlink named case.dossier, packed by GNU tar.
    const dir = fresh('linkdir');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'manifest.json'), parts.manifest);
    fs.writeFileSync(path.join(dir, 'manifest.sig'), parts.sig);
    fs.symlinkSync('/etc/passwd', path.join(dir, 'case.dossier'));
    const linkTar = fresh('link.tar');
    execFileSync('tar', ['-cf', linkTar, '-C', dir, 'manifest.json', 'manifest.sig', 'case.dossier']);
    const err = await openExpectingFailure(encryptForBob(linkTar), 'SHARE_CONTENT_INVALID');
    expect(err.message).toMatch(/link/);
    // A manifest entry claiming 2 MiB: refused from its header, before reading it.
    const bigHeader = encodeTarHeader({ name: 'manifest.json', size: 2 * 1024 * 1024, mtime: 0, typeflag: '0' });
    const bigTar = fresh('big.tar');
    fs.writeFileSync(bigTar, Buffer.concat([bigHeader, Buffer.alloc(4096)]));
    const big = await openExpectingFailure(encryptForBob(bigTar), 'SHARE_CONTENT_INVALID');
    expect(big.message).toMatch(/more than/);
  });

  it('MANIFEST_INVALID: a non-canonical manifest (whitespace added) even with a valid signature for it', async () => {
    const spaced = Buffer.from(JSON.stringify(JSON.parse(parts.manifest.toString('utf8')), null, 2));
    await openExpectingFailure(await craft(entries(spaced, signManifest(spaced, alice.signingKey), parts.snapshot)), 'MANIFEST_INVALID');
  });

  it('SHARE_UNSUPPORTED: a manifest from a newer format version', async () => {
    const manifest = JSON.parse(parts.manifest.toString('utf8'));
    const newer = Buffer.from(canonicalJson({ ...manifest, formatVersion: 2 }));
    await openExpectingFailure(await craft(entries(newer, signManifest(newer, alice.signingKey), parts.snapshot)), 'SHARE_UNSUPPORTED');
  });

  it('SHARE_UNSUPPORTED: a scrypt work factor above 20, a scrypt stanza beside another recipient', async () => {
    const passShare = fresh('pass.dossier.age');
    await createShare({ snapshotPath: path.join(tmp.dir, 'parts', 'case.dossier'), manifestFields, sender: alice, passphrase: 'pw', scryptWorkFactor: 10 }, passShare);
    // Edited headers: age checks these before the header MAC, as a reader must (no 2 GiB scrypt).
    const tooHard = copyWith(passShare, (b) => Buffer.from(b.toString('latin1').replace(/(-> scrypt \S+) 10\n/, '$1 21\n'), 'latin1'));
    const err = await openExpectingFailure(tooHard, 'SHARE_UNSUPPORTED', { identity: undefined, passphrase: 'pw' });
    expect(err.message).toMatch(/work factor/);
    const mixed = copyWith(passShare, (b) => Buffer.from(
      b.toString('latin1').replace('age-encryption.org/v1\n', `age-encryption.org/v1\n-> X25519 ${'A'.repeat(43)}\n${'A'.repeat(43)}\n`),
      'latin1',
    ));
    await openExpectingFailure(mixed, 'SHARE_UNSUPPORTED', { identity: undefined, passphrase: 'pw' });
  });

  it('DESTINATION_NOT_EMPTY, and the folder is left as it was', async () => {
    const dest = fresh('occupied');
    fs.mkdirSync(dest);
    fs.writeFileSync(path.join(dest, 'keep.txt'), 'mine');
    await expect(openShare(sharePath, { identity: bob, roster }, dest)).rejects.toMatchObject({ code: 'DESTINATION_NOT_EMPTY' });
    expect(fs.readdirSync(dest)).toEqual(['keep.txt']);
  });

  it('an existing empty destination folder is used, and kept on failure', async () => {
    const dest = fresh('empty-dest');
    fs.mkdirSync(dest);
    await expect(openShare(sharePath, { identity: mallory, roster }, dest)).rejects.toMatchObject({ code: 'NO_MATCHING_IDENTITY' });
    expect(fs.readdirSync(dest)).toEqual([]);
    const opened = await openShare(sharePath, { identity: bob, roster }, dest);
    expect(opened.snapshotPath).toBe(path.join(dest, 'case.dossier'));
  });

  it('CANCELLED: cancelling mid-way leaves nothing', async () => {
    const controller = new AbortController();
    const dest = fresh('aborted');
    await expect(
      openShare(sharePath, { identity: bob, roster }, dest, {
        signal: controller.signal,
        onProgress: (p) => { if (p.done > 512 * 1024) controller.abort(); },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.existsSync(dest)).toBe(false);
    expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('.receiving-'))).toEqual([]);
  });
});
