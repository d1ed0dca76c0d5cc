import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { createDossierClient } from '../../../src-main/contract/createDossierClient';
import type { TaskProgress } from '../../../src-main/contract/events';
import type { SafeStorageLike } from '../../../src-main/share/identityVault';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, BOB } from '../../helpers/testCase';
import { FAST_SCRYPT } from './teamFixtures';

/** Electron's safeStorage on a desktop with a keychain (an OS API stand-in, not our code). */
const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
  decryptString: (sealed) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
};

function sessionFor(actor: typeof ALICE, dir: string, progress: TaskProgress[] = []) {
  const session = new CaseSession(actor, (p) => progress.push(p), {
    filePath: path.join(dir, `${actor.device}-identity.json`),
    safeStorage: keychain,
    keyFileOptions: { scryptWorkFactor: FAST_SCRYPT },
  });
  const api = createDossierClient((channel, request) => dispatch(session, channel, request) as never, () => () => {});
  return { session, api };
}

describe('sharing over the contract (what the share, receive and merge dialogs call)', () => {
  it('identity, roster, share, receive with sender confirmation, edit, share back, merge with review list', async () => {
    const dir = tempDir();
    const progress: TaskProgress[] = [];
    const alice = sessionFor(ALICE, dir, progress);
    const bob = sessionFor(BOB, dir);

    expect(await alice.api['identity.status']({})).toMatchObject({ exists: false, keychainAvailable: true });
    const aliceStatus = await alice.api['identity.create']({ name: 'Alice Example' });
    expect(aliceStatus).toMatchObject({ exists: true, protection: 'keychain', identity: { name: 'Alice Example' } });
    const bobLine = (await bob.api['identity.create']({ name: 'Bob Builder', passphrase: 'bob secret' })).identity!.line;
    const aliceId = await alice.api['identity.publicLine']({});
    await expect(alice.api['identity.create']({ name: 'Again' })).rejects.toMatchObject({ code: 'IDENTITY_EXISTS' });

    await alice.api['case.create']({ path: path.join(dir, 'alice.dossier'), case: { title: 'Storm-1152' } });
    await alice.api['roster.add']({ identityLine: aliceId.line });
    const bobMember = await alice.api['roster.add']({ identityLine: bobLine, role: 'counsel' });
    expect((await alice.api['roster.list']({})).map((m) => m.name)).toEqual(['Alice Example', 'Bob Builder']);
    const shared = await alice.api['notes.create']({ title: 'Plan', body: 'v1' });

    const toBob = path.join(dir, 'to-bob.dossier.age');
    const created = await alice.api['share.create']({ outPath: toBob, recipients: [bobMember.fingerprint], taskId: 'share-1' });
    expect(created).toMatchObject({ path: toBob, recipients: [{ name: 'Bob Builder' }], passphrase: false });
    expect(progress.filter((p) => p.taskId === 'share-1').map((p) => p.phase)).toEqual(expect.arrayContaining(['snapshot', 'encrypt']));
    expect(progress.every((p) => p.unit === 'bytes')).toBe(true);

    // Bob: first receipt of this case; the dialog shows the fingerprint, Bob confirms it by phone
    const bobFile = path.join(dir, 'bob.dossier');
    const unknown = await bob.api['share.receive']({ sharePath: toBob, outPath: bobFile, identityPassphrase: 'bob secret' }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'SENDER_UNKNOWN', details: { fingerprint: aliceId.fingerprint, name: 'Alice Example' } });
    await expect(bob.api['share.receive']({ sharePath: toBob, outPath: bobFile, acceptSender: aliceId.fingerprint })).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    const received = await bob.api['share.receive']({ sharePath: toBob, outPath: bobFile, acceptSender: aliceId.fingerprint, identityPassphrase: 'bob secret' });
    expect(received).toMatchObject({ path: bobFile, caseTitle: 'Storm-1152', sender: { known: false } });
    // the next share of this case from Alice is trusted through Bob's copy
    const again = await bob.api['share.receive']({ sharePath: toBob, outPath: path.join(dir, 'bob2.dossier'), localCasePath: bobFile, identityPassphrase: 'bob secret' });
    expect(again.sender.known).toBe(true);

    await bob.api['case.open']({ path: bobFile });
    await bob.api['notes.update']({ id: shared.id, patch: { body: 'v2 by Bob' } });
    await bob.api['notes.create']({ title: 'Registrar reply', body: '' });
    await alice.api['notes.update']({ id: shared.id, patch: { body: 'v2 by Alice' } });
    const toAlice = path.join(dir, 'to-alice.dossier.age');
    await bob.api['share.create']({ outPath: toAlice, recipients: ['Alice Example'], identityPassphrase: 'bob secret' });

    const report = await alice.api['case.merge']({ otherPath: toAlice, taskId: 'merge-1' });
    expect(report).toMatchObject({ otherPath: toAlice, unchanged: false, share: { sender: { name: 'Bob Builder', known: true } } });
    expect(report.conflicts).toEqual([expect.objectContaining({ kind: 'concurrent_edit', record_id: shared.id })]);
    expect((await alice.api['items.list']({ kind: 'note' })).items.map((n) => (n as { title: string }).title).sort()).toEqual(['Plan', 'Registrar reply']);
    expect(progress.some((p) => p.taskId === 'merge-1' && p.phase === 'decrypt')).toBe(true);

    // a plain copy merges through the same channel
    const plainCopy = path.join(dir, 'plain.dossier');
    fs.copyFileSync(path.join(dir, 'bob2.dossier'), plainCopy);
    expect((await alice.api['case.merge']({ otherPath: plainCopy })).share).toBeUndefined();

    await alice.api['roster.remove']({ fingerprint: bobMember.fingerprint });
    expect((await alice.api['roster.list']({})).map((m) => m.name)).toEqual(['Alice Example']);
    await expect(alice.api['share.create']({ outPath: path.join(dir, 'x.age'), recipients: ['Bob'] })).rejects.toMatchObject({ code: 'RECIPIENT_UNKNOWN' });
    alice.session.close();
    bob.session.close();
  });

  it('validates requests at the boundary and needs an identity store to sign', async () => {
    const dir = tempDir();
    const bare = new CaseSession(ALICE);
    const api = createDossierClient((channel, request) => dispatch(bare, channel, request) as never, () => () => {});
    expect(await api['identity.status']({})).toMatchObject({ exists: false, keychainAvailable: false });
    await api['case.create']({ path: path.join(dir, 'c.dossier'), case: { title: 'C' } });
    await expect(api['share.create']({ outPath: path.join(dir, 'c.dossier.age'), recipients: [], passphrase: 'p' })).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    await expect(api['share.create']({ outPath: 'relative.age', recipients: [] })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(api['share.receive']({ sharePath: path.join(dir, 'c.dossier'), outPath: path.join(dir, 'x.txt') })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(api['share.receive']({ sharePath: path.join(dir, 'c.dossier'), outPath: path.join(dir, 'x.dossier') })).rejects.toMatchObject({ code: 'NOT_A_SHARE' });
    await expect(api['roster.add']({ identityLine: 'ssh-ed25519 AAAA bob@host' })).rejects.toMatchObject({ code: 'PUBLIC_IDENTITY_INVALID' });
    await expect(api['identity.create']({ name: 'X', passphrase: '' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    bare.close();
  });
});
