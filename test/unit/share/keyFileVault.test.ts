import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeKeyFileInVault, unlockVaultIdentity, vaultPublicIdentity, type IdentityVault } from '../../../src-main/share/identityVault';
import { createKeyFile } from '../../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { tempDir } from '../../helpers/tempDir';
import { FAST_SCRYPT } from './teamFixtures';

const NO_KEYCHAIN: IdentityVault['safeStorage'] = {
  isEncryptionAvailable: () => false,
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
};

describe('a key file held in an identity vault (the CLI --identity over the contract)', () => {
  it('unlocks with the key file passphrase to the same identity, and refuses a wrong one', async () => {
    const dir = tempDir();
    const user = await generateUserIdentity('Alice Example');
    const keyFile = path.join(dir, 'alice.dossier-key');
    await createKeyFile(keyFile, user, 'alice pass', { scryptWorkFactor: FAST_SCRYPT });
    const vault: IdentityVault = { filePath: path.join(dir, 'vault', 'identity.json'), safeStorage: NO_KEYCHAIN };
    await storeKeyFileInVault(vault, fs.readFileSync(keyFile, 'utf8'), user);

    expect((await vaultPublicIdentity(vault)).line).toBe(formatPublicIdentity(user.publicIdentity));
    const unlocked = await unlockVaultIdentity(vault, { passphrase: 'alice pass' });
    expect(formatPublicIdentity(unlocked.publicIdentity)).toBe(formatPublicIdentity(user.publicIdentity));
    await expect(unlockVaultIdentity(vault, { passphrase: 'wrong' })).rejects.toMatchObject({ code: 'KEY_FILE_WRONG_PASSPHRASE' });
    await expect(unlockVaultIdentity(vault, {})).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(fs.statSync(vault.filePath).mode & 0o777).toBe(0o600);
  });

  it('never replaces an identity already in the vault, and refuses a key file that is not the identity named', async () => {
    const dir = tempDir();
    const alice = await generateUserIdentity('Alice Example');
    const mallory = await generateUserIdentity('Mallory');
    const keyFile = path.join(dir, 'alice.dossier-key');
    await createKeyFile(keyFile, alice, 'alice pass', { scryptWorkFactor: FAST_SCRYPT });
    const vault: IdentityVault = { filePath: path.join(dir, 'identity.json'), safeStorage: NO_KEYCHAIN };
    // The public line claims Mallory while the secret is Alice's: unlocking finds the mismatch.
    await storeKeyFileInVault(vault, fs.readFileSync(keyFile, 'utf8'), mallory);
    await expect(unlockVaultIdentity(vault, { passphrase: 'alice pass' })).rejects.toMatchObject({ code: 'IDENTITY_INVALID' });
    await expect(storeKeyFileInVault(vault, fs.readFileSync(keyFile, 'utf8'), alice)).rejects.toMatchObject({ code: 'IDENTITY_EXISTS' });
  });
});
