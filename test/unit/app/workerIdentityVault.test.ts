import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseWorker } from '../../../src-main/app/worker/CaseWorker';
import type { SafeStorageLike } from '../../../src-main/share/identityVault';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { tempDir } from '../../helpers/tempDir';

const ENTRY = new URL('./workerBootstrap.mjs', import.meta.url);
const workers: CaseWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

/** Stands in for Electron's safeStorage (an OS API): a reversible transform with a version prefix, as Chromium's `v10`. */
function fakeSafeStorage(backend: string): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: async (plain) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ 9)]);
    },
    decryptString: (encrypted) => {
      calls.push('decrypt');
      if (!Buffer.isBuffer(encrypted) || encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('not ours');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ 9)).toString('utf8');
    },
  };
}

function start(vaultPath: string | null, safeStorage?: SafeStorageLike): CaseWorker {
  const worker = new CaseWorker(ENTRY, { nativeBinding: null, actorName: 'Vault Tester', identityVaultPath: vaultPath }, () => {}, safeStorage);
  workers.push(worker);
  return worker;
}

describe('the case worker reaches the main process safeStorage for the identity vault', () => {
  it('creates the identity through the proxied keychain, then unlocks it to sign a share', async () => {
    const dir = tempDir();
    const vaultPath = path.join(dir, 'profile', 'identity-vault.json');
    const storage = fakeSafeStorage('gnome_libsecret');
    const worker = start(vaultPath, storage);
    expect(await worker.call('identity.status', {})).toMatchObject({ ok: true, value: { exists: false, keychainAvailable: true, keychainBackend: 'gnome_libsecret' } });
    const created = await worker.call('identity.create', { name: 'Alice Example' });
    expect(created).toMatchObject({ ok: true, value: { exists: true, protection: 'keychain', identity: { name: 'Alice Example' } } });
    const stored = JSON.parse(fs.readFileSync(vaultPath, 'utf8')) as { secret: string };
    expect(Buffer.from(stored.secret, 'base64').subarray(0, 3).toString()).toBe('v10');

    await worker.call('case.create', { path: path.join(dir, 'team.dossier'), case: { title: 'Team case' } });
    const bob = await generateUserIdentity('Bob Example');
    const member = await worker.call('roster.add', { identityLine: formatPublicIdentity(bob.publicIdentity) });
    expect(member.ok).toBe(true);
    const shared = await worker.call('share.create', { outPath: path.join(dir, 'team.dossier.age'), recipients: [bob.publicIdentity.fingerprint] });
    expect(shared).toMatchObject({ ok: true, value: { passphrase: false, recipients: [{ name: 'Bob Example' }] } });
    expect(storage.calls).toEqual(['encrypt', 'decrypt']);
  }, 60_000);

  it("refuses to keep the identity under Linux's basic_text backend unless a passphrase protects it", async () => {
    const vaultPath = path.join(tempDir(), 'identity-vault.json');
    const worker = start(vaultPath, fakeSafeStorage('basic_text'));
    expect(await worker.call('identity.create', { name: 'Alice Example' })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(fs.existsSync(vaultPath)).toBe(false);
    expect(await worker.call('identity.create', { name: 'Alice Example', passphrase: 'correct horse battery staple' })).toMatchObject({
      ok: true,
      value: { exists: true, protection: 'passphrase', keychainAvailable: false, keychainBackend: 'basic_text' },
    });
  }, 60_000);

  it('without a safeStorage in main, the keychain counts as unavailable (never plaintext)', async () => {
    const worker = start(path.join(tempDir(), 'identity-vault.json'));
    expect(await worker.call('identity.status', {})).toMatchObject({ ok: true, value: { keychainAvailable: false } });
    expect(await worker.call('identity.create', { name: 'Alice Example' })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
  }, 60_000);
});
