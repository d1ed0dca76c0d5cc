import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentity, serializeIdentity } from '../../../src-main/share/identityBytes';
import { createKeyFile, decryptIdentity, encryptIdentity, loadKeyFile } from '../../../src-main/share/keyFile';
import {
  fingerprintOf,
  formatPublicIdentity,
  normalizeFingerprint,
  parsePublicIdentity,
} from '../../../src-main/share/publicIdentity';
import { generateUserIdentity, type UserIdentity } from '../../../src-main/share/userIdentity';
import { signManifest, verifyManifestSignature } from '../../../src-main/share/manifestSignature';
import { ageCli, makeTempDir } from './shareFixtures';

let tmp: ReturnType<typeof makeTempDir>;
let alice: UserIdentity;

beforeAll(async () => {
  tmp = makeTempDir();
  alice = await generateUserIdentity('  Alice Example  ', { now: new Date('2026-03-01T10:00:00.123Z') });
});
afterAll(() => tmp.cleanup());

describe('user identity', () => {
  it('has an X25519 age identity (not post-quantum), an Ed25519 key and a grouped fingerprint', () => {
    expect(alice.name).toBe('Alice Example');
    expect(alice.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(alice.publicIdentity.ageRecipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(alice.signingKey.asymmetricKeyType).toBe('ed25519');
    expect(alice.publicIdentity.ed25519PublicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(alice.publicIdentity.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){5}$/);
    expect(alice.createdAt).toBe('2026-03-01T10:00:00.123Z');
  });

  it('the fingerprint covers both keys', () => {
    const { ageRecipient, ed25519PublicKey, fingerprint } = alice.publicIdentity;
    expect(fingerprintOf(ageRecipient, ed25519PublicKey)).toBe(fingerprint);
    const otherRecipient = 'age1' + 'q'.repeat(58);
    expect(fingerprintOf(otherRecipient, ed25519PublicKey)).not.toBe(fingerprint);
  });

  it('the Debian age CLI can use the age identity and encrypt to the recipient', () => {
    const keyFile = path.join(tmp.dir, 'alice.key');
    fs.writeFileSync(keyFile, `${alice.ageIdentity}\n`);
    const encrypted = ageCli(['-r', alice.publicIdentity.ageRecipient], Buffer.from('hello'));
    expect(ageCli(['-d', '-i', keyFile], encrypted).toString()).toBe('hello');
  });

  it('refuses names with line breaks, bidi overrides, or nothing in them', async () => {
    for (const name of ['', '   ', 'Eve\nMallory', 'Eve\u202Eecila', 'x'.repeat(121)]) {
      await expect(generateUserIdentity(name)).rejects.toMatchObject({ code: 'IDENTITY_NAME_INVALID' });
    }
  });
});

describe('serializeIdentity / parseIdentity (bytes, for any secret store)', () => {
  it('round-trips, and the signing key still verifies', async () => {
    const bytes = serializeIdentity(alice);
    const back = await parseIdentity(bytes);
    expect(back.publicIdentity).toEqual(alice.publicIdentity);
    expect(back.ageIdentity).toBe(alice.ageIdentity);
    expect(back.createdAt).toBe(alice.createdAt);
    const sig = signManifest(new TextEncoder().encode('{}'), back.signingKey);
    expect(verifyManifestSignature(new TextEncoder().encode('{}'), sig, alice.publicIdentity.ed25519PublicKey)).toBe(true);
  });

  it('is also a valid age identity file for the CLI', () => {
    const file = path.join(tmp.dir, 'serialized.txt');
    fs.writeFileSync(file, serializeIdentity(alice));
    const encrypted = ageCli(['-r', alice.publicIdentity.ageRecipient], Buffer.from('hi'));
    expect(ageCli(['-d', '-i', file], encrypted).toString()).toBe('hi');
  });

  it('rejects damaged or foreign bytes with IDENTITY_INVALID', async () => {
    const text = new TextDecoder().decode(serializeIdentity(alice));
    const cases = [
      text.replace('dossier-identity-version: 1', 'dossier-identity-version: 9'),
      text.replace(/ed25519-secret: .*/, 'ed25519-secret: short'),
      text.replace(/AGE-SECRET-KEY-1[0-9A-Z]+/, (k) => k.slice(0, -1) + (k.endsWith('Q') ? 'P' : 'Q')),
      text.replace(/# name: .*\n/, ''),
      `${text}AGE-SECRET-KEY-1${'Q'.repeat(58)}\n`,
      'hello world\n',
    ];
    for (const bad of cases) {
      await expect(parseIdentity(new TextEncoder().encode(bad))).rejects.toMatchObject({ code: 'IDENTITY_INVALID' });
    }
    await expect(parseIdentity(new Uint8Array([0xff, 0xfe]))).rejects.toMatchObject({ code: 'IDENTITY_INVALID' });
  });
});

describe('passphrase key file', () => {
  it('creates (owner-only), loads, and refuses to overwrite', async () => {
    const file = path.join(tmp.dir, 'alice.dossier-key');
    await createKeyFile(file, alice, 'pass phrase', { scryptWorkFactor: 10 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
    const loaded = await loadKeyFile(file, 'pass phrase');
    expect(loaded.publicIdentity).toEqual(alice.publicIdentity);
    await expect(createKeyFile(file, alice, 'other', { scryptWorkFactor: 10 })).rejects.toMatchObject({ code: 'KEY_FILE_EXISTS' });
  });

  it('uses age scrypt work factor 18 by default (loads in well under a minute)', async () => {
    const armored = await encryptIdentity(alice, 'slow but standard');
    const header = Buffer.from(armored.split('\n').slice(1, -2).join(''), 'base64').toString('latin1');
    expect(header).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S+ 18\n/);
    expect((await decryptIdentity(armored, 'slow but standard')).publicIdentity).toEqual(alice.publicIdentity);
  });

  it('wrong passphrase -> KEY_FILE_WRONG_PASSPHRASE; missing file, garbage, empty passphrase have their own codes', async () => {
    const file = path.join(tmp.dir, 'wrong.dossier-key');
    await createKeyFile(file, alice, 'right', { scryptWorkFactor: 10 });
    await expect(loadKeyFile(file, 'wrong')).rejects.toMatchObject({ code: 'KEY_FILE_WRONG_PASSPHRASE', message: 'Wrong passphrase for this key file.' });
    await expect(loadKeyFile(path.join(tmp.dir, 'nope'), 'x')).rejects.toMatchObject({ code: 'KEY_FILE_NOT_FOUND' });
    const garbage = path.join(tmp.dir, 'garbage.dossier-key');
    fs.writeFileSync(garbage, 'not a key file');
    await expect(loadKeyFile(garbage, 'x')).rejects.toMatchObject({ code: 'KEY_FILE_INVALID' });
    await expect(encryptIdentity(alice, '')).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    // An age file encrypted to a recipient, not a passphrase, is not a key file.
    const notPassphrase = path.join(tmp.dir, 'recipient.age');
    fs.writeFileSync(notPassphrase, ageCli(['-a', '-r', alice.publicIdentity.ageRecipient], Buffer.from('x')));
    await expect(loadKeyFile(notPassphrase, 'x')).rejects.toMatchObject({ code: 'KEY_FILE_WRONG_PASSPHRASE' });
  });

  it('the age CLI opens the key file with the passphrase (typed on a terminal via script)', async () => {
    const file = path.join(tmp.dir, 'cli.dossier-key');
    await createKeyFile(file, alice, 'typed', { scryptWorkFactor: 10 });
    const out = path.join(tmp.dir, 'cli-key.txt');
    execFileSync('script', ['-qec', `age -d -o ${out} ${file}`, '/dev/null'], { input: 'typed\n', stdio: ['pipe', 'ignore', 'ignore'] });
    expect(fs.readFileSync(out, 'utf8')).toContain(alice.ageIdentity);
  });
});

describe('public identity line', () => {
  it('formats as one line and parses back', () => {
    const line = formatPublicIdentity(alice.publicIdentity);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^dossier-identity-v1 age1\S+ \S{43} [0-9A-F-]{29} Alice Example$/);
    expect(parsePublicIdentity(line)).toEqual(alice.publicIdentity);
  });

  it('catches a damaged copy: wrong fingerprint, bad recipient, post-quantum recipient, wrong tag', () => {
    const line = formatPublicIdentity(alice.publicIdentity);
    const fp = alice.publicIdentity.fingerprint;
    const otherFp = fp.replace(/^./, fp.startsWith('0') ? '1' : '0');
    const bad = [
      line.replace(fp, otherFp),
      line.replace(alice.publicIdentity.ageRecipient, alice.publicIdentity.ageRecipient.slice(0, -1) + (alice.publicIdentity.ageRecipient.endsWith('q') ? 'p' : 'q')),
      line.replace(alice.publicIdentity.ageRecipient, 'age1pq1' + 'q'.repeat(60)),
      line.replace('dossier-identity-v1', 'ssh-ed25519'),
      line.replace(' Alice Example', ''),
    ];
    for (const b of bad) expect(() => parsePublicIdentity(b), b).toThrow(expect.objectContaining({ code: 'PUBLIC_IDENTITY_INVALID' }));
  });

  it('normalizes fingerprints typed by hand', () => {
    const fp = alice.publicIdentity.fingerprint;
    expect(normalizeFingerprint(fp.replace(/-/g, '').toLowerCase())).toBe(fp);
    expect(normalizeFingerprint(fp.replace(/-/g, ' '))).toBe(fp);
    expect(() => normalizeFingerprint('3F2A')).toThrow(expect.objectContaining({ code: 'PUBLIC_IDENTITY_INVALID' }));
  });
});
