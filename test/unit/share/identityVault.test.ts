import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createVaultIdentity,
  identityStatus,
  keychainState,
  unlockVaultIdentity,
  vaultPublicIdentity,
  type IdentityVault,
  type SafeStorageLike,
} from '../../../src-main/share/identityVault';
import { decryptIdentity } from '../../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { tempDir } from '../../helpers/tempDir';
import { FAST_SCRYPT } from './teamFixtures';

/**
 * A stand-in for Electron's safeStorage (an OS API, not our code): "encrypts" with a per-login key
 * and a version prefix like Chromium's `v10`, and reports the Linux backend it is given.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string; login?: number } = {}): SafeStorageLike & { calls: string[] } {
  const key = options.login ?? 7;
  const calls: string[] = [];
  const storage: SafeStorageLike & { calls: string[] } = {
    calls,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ key)]);
    },
    decryptString: (encrypted) => {
      calls.push('decrypt');
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const plain = Buffer.from(encrypted.subarray(3).map((b) => b ^ key)).toString('utf8');
      if (!plain.startsWith('# Dossier identity')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return plain;
    },
  };
  if (options.backend !== undefined) storage.getSelectedStorageBackend = () => options.backend!;
  return storage;
}

function vaultWith(safeStorage: SafeStorageLike, dir = tempDir()): IdentityVault {
  return { filePath: path.join(dir, 'profile', 'identity.json'), safeStorage, keyFileOptions: { scryptWorkFactor: FAST_SCRYPT } };
}

describe('identity vault', () => {
  it('stores the identity with the keychain when it really protects it, and unlocks it', async () => {
    const storage = fakeSafeStorage({ backend: 'gnome_libsecret' });
    const vault = vaultWith(storage);
    expect(await identityStatus(vault)).toMatchObject({ exists: false, protection: null, keychainAvailable: true, keychainBackend: 'gnome_libsecret', identity: null });
    const created = await createVaultIdentity(vault, 'Alice Example');
    const status = await identityStatus(vault);
    expect(status).toMatchObject({ exists: true, protection: 'keychain', identity: { name: 'Alice Example', fingerprint: created.publicIdentity.fingerprint } });
    expect(status.identity!.line).toBe(formatPublicIdentity(created.publicIdentity));
    expect((await vaultPublicIdentity(vault)).line).toBe(status.identity!.line);
    const unlocked = await unlockVaultIdentity(vault);
    expect(unlocked.ageIdentity).toBe(created.ageIdentity);
    expect(fs.statSync(vault.filePath).mode & 0o777).toBe(0o600);
    // no secret in clear in the file
    expect(fs.readFileSync(vault.filePath, 'utf8')).not.toContain(created.ageIdentity);
    expect(storage.calls).toEqual(['encrypt', 'decrypt']);
  });

  it("refuses the keychain when it is 'basic_text', unknown or unavailable, unless a passphrase is set", async () => {
    for (const storage of [fakeSafeStorage({ backend: 'basic_text' }), fakeSafeStorage({ backend: 'unknown' }), fakeSafeStorage({ available: false })]) {
      const vault = vaultWith(storage);
      expect((await keychainState(storage)).available).toBe(false);
      await expect(createVaultIdentity(vault, 'Bob')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
      expect(fs.existsSync(vault.filePath)).toBe(false);
      expect(storage.calls).toEqual([]); // never handed the secret to a keychain that does not protect it
    }
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    const vault = vaultWith(storage);
    const created = await createVaultIdentity(vault, 'Bob Builder', { passphrase: 'long passphrase' });
    expect(storage.calls).toEqual([]);
    expect(await identityStatus(vault)).toMatchObject({ exists: true, protection: 'passphrase', keychainAvailable: false, keychainBackend: 'basic_text' });
    await expect(unlockVaultIdentity(vault)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    await expect(unlockVaultIdentity(vault, { passphrase: 'wrong' })).rejects.toMatchObject({ code: 'KEY_FILE_WRONG_PASSPHRASE' });
    expect((await unlockVaultIdentity(vault, { passphrase: 'long passphrase' })).publicIdentity).toEqual(created.publicIdentity);
    // the secret is a CLI key file: it can be exported as one
    const secret = (JSON.parse(fs.readFileSync(vault.filePath, 'utf8')) as { secret: string }).secret;
    expect((await decryptIdentity(secret, 'long passphrase')).ageIdentity).toBe(created.ageIdentity);
    await expect(createVaultIdentity(vaultWith(storage), 'Bob', { passphrase: '' })).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
  });

  it('works on macOS/Windows, where safeStorage reports no backend', async () => {
    const vault = vaultWith(fakeSafeStorage());
    await createVaultIdentity(vault, 'Carol');
    expect((await identityStatus(vault)).keychainBackend).toBeNull();
    expect((await unlockVaultIdentity(vault)).name).toBe('Carol');
  });

  it('works through an asynchronous proxy (the case session runs in a worker; safeStorage lives in the main process)', async () => {
    const inMain = fakeSafeStorage({ backend: 'kwallet6' });
    const proxy: SafeStorageLike = {
      isEncryptionAvailable: async () => inMain.isEncryptionAvailable(),
      getSelectedStorageBackend: async () => inMain.getSelectedStorageBackend!(),
      encryptString: async (plain) => inMain.encryptString(plain),
      decryptString: async (sealed) => inMain.decryptString(sealed),
    };
    const vault = vaultWith(proxy);
    const created = await createVaultIdentity(vault, 'Dana');
    expect(await identityStatus(vault)).toMatchObject({ protection: 'keychain', keychainBackend: 'kwallet6' });
    expect((await unlockVaultIdentity(vault)).ageIdentity).toBe(created.ageIdentity);
    expect(inMain.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('never replaces an identity, and says clearly when there is none or the store is damaged', async () => {
    const dir = tempDir();
    const vault = vaultWith(fakeSafeStorage({ backend: 'kwallet5' }), dir);
    await expect(unlockVaultIdentity(vault)).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    await expect(vaultPublicIdentity(vault)).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    const first = await createVaultIdentity(vault, 'Alice');
    await expect(createVaultIdentity(vault, 'Alice again')).rejects.toMatchObject({ code: 'IDENTITY_EXISTS' });
    expect((await unlockVaultIdentity(vault)).ageIdentity).toBe(first.ageIdentity);
    expect(fs.readdirSync(path.dirname(vault.filePath))).toEqual(['identity.json']);

    // another login's keychain cannot decrypt it
    const elsewhere: IdentityVault = { ...vault, safeStorage: fakeSafeStorage({ backend: 'kwallet5', login: 99 }) };
    await expect(unlockVaultIdentity(elsewhere)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });

    // the clear public line swapped for someone else's: refused at unlock
    const other = await createVaultIdentity(vaultWith(fakeSafeStorage()), 'Mallory');
    const stored = JSON.parse(fs.readFileSync(vault.filePath, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(vault.filePath, JSON.stringify({ ...stored, publicIdentity: formatPublicIdentity(other.publicIdentity) }));
    await expect(unlockVaultIdentity(vault)).rejects.toMatchObject({ code: 'IDENTITY_INVALID' });

    fs.writeFileSync(vault.filePath, '{"format":"something else"}');
    await expect(identityStatus(vault)).rejects.toMatchObject({ code: 'IDENTITY_INVALID' });
  });
});
