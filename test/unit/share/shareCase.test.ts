import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DOSSIER_APP_VERSION } from '../../../src-main/share/appVersion';
import { receiveShare } from '../../../src-main/share/receiveShare';
import { shareCase } from '../../../src-main/share/shareCase';
import type { ShareProgress } from '../../../src-main/share/shareProgress';
import { addTeamMember, listTeamMembers, removeTeamMember, teamRosterOf } from '../../../src-main/share/teamRosterService';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { readLocalCopy } from '../../../src-main/share/localCopy';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, BOB, track } from '../../helpers/testCase';
import { ageCli, makeTeam, writeAgeIdentityFile } from './shareFixtures';
import { auditActions, custodyOf, FAST_SCRYPT, lineOf, siblingPath, teamCase } from './teamFixtures';

let alice: UserIdentity, bob: UserIdentity, carol: UserIdentity, dave: UserIdentity;
beforeAll(async () => {
  [alice, bob, carol, dave] = await makeTeam('Alice Example', 'Bob Builder', 'Carol Ng', 'Dave Ops');
});

const CAROL_ACTOR = { name: 'Carol Ng', device: 'carol-tablet' };

describe('shareCase + receiveShare', () => {
  it('round trip to one teammate: the received file is the case, custody and audit on both sides', async () => {
    const caseFile = teamCase(ALICE, [alice, bob], 2);
    const out = siblingPath(caseFile, 'storm.dossier.age');
    const progress: ShareProgress[] = [];
    const created = await shareCase(caseFile, { sender: alice, to: ['Bob'] }, out, { onProgress: (p) => progress.push(p) });
    expect(created).toMatchObject({ path: out, passphrase: false, exhibits: 2, recipients: [{ name: 'Bob Builder', fingerprint: bob.publicIdentity.fingerprint }] });
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['snapshot', 'encrypt']));
    // nothing but the case, its share and no temporary folder beside it
    expect(fs.readdirSync(path.dirname(caseFile.path)).sort()).toEqual(['storm.dossier.age', 'test.dossier']);

    const sent = custodyOf(caseFile, 'transferred');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      from_party: `Alice Example (${alice.publicIdentity.fingerprint})`,
      to_party: `Bob Builder (${bob.publicIdentity.fingerprint})`,
    });
    // These exhibits are records without stored bytes: nothing was hashed, and custody says so
    // (shareForgedCopy.test.ts covers exhibits with bytes).
    expect(sent[0]).toMatchObject({ hash_seen: null, result: 'n/a' });
    expect(sent[0]!.details).toContain(created.manifestSha256);
    expect(auditActions(caseFile, 'case.shared')).toEqual([
      expect.objectContaining({ manifestSha256: created.manifestSha256, exhibits: 2, passphrase: false, recipients: [expect.objectContaining({ name: 'Bob Builder' })] }),
    ]);

    const received = siblingPath(caseFile, 'bob.dossier');
    const result = await receiveShare(out, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, received, { actor: BOB });
    expect(result).toMatchObject({
      path: received,
      sender: { name: 'Alice Example', fingerprint: alice.publicIdentity.fingerprint, known: false },
      manifestSha256: created.manifestSha256,
      exhibits: 2,
    });
    const bobCase = track(openCaseFile(received, { actor: BOB }));
    expect(result.caseId).toBe(bobCase.db.prepare('SELECT id FROM case_info').pluck().get());
    expect(listTeamMembers(bobCase).map((m) => m.name)).toEqual(['Alice Example', 'Bob Builder']);
    const got = custodyOf(bobCase, 'received');
    expect(got.map((e) => e.hash_seen)).toEqual(sent.map((e) => e.hash_seen));
    expect(got[0]).toMatchObject({ from_party: `Alice Example (${alice.publicIdentity.fingerprint})`, to_party: `Bob Builder (${bob.publicIdentity.fingerprint})` });
    // the sender's 'transferred' events were written after the snapshot: not in the copy
    expect(custodyOf(bobCase, 'transferred')).toEqual([]);
    expect(auditActions(bobCase, 'case.received')).toEqual([expect.objectContaining({ manifestSha256: created.manifestSha256, sender: expect.objectContaining({ known: false }) })]);
    expect(verifyAudit(bobCase.db).ok).toBe(true);
    expect(bobCase.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(fs.readdirSync(path.dirname(received)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('round trip to three teammates; each opens it, someone else cannot; the sender too only if listed', async () => {
    const caseFile = teamCase(ALICE, [alice, bob, carol, dave], 1);
    const out = siblingPath(caseFile, 'three.dossier.age');
    const created = await shareCase(caseFile, { sender: alice, to: [bob.publicIdentity.fingerprint, 'carol ng', alice.publicIdentity.ageRecipient] }, out);
    expect(created.recipients.map((r) => r.name)).toEqual(['Bob Builder', 'Carol Ng', 'Alice Example']);
    expect(custodyOf(caseFile, 'transferred')[0]!.to_party).toBe(
      [bob, carol, alice].map((u) => `${u.name} (${u.publicIdentity.fingerprint})`).join('; '),
    );
    const local = readLocalCopy(caseFile.path);
    for (const [reader, actor] of [[bob, BOB], [carol, CAROL_ACTOR], [alice, ALICE]] as const) {
      const received = await receiveShare(out, { identity: reader }, siblingPath(caseFile, `${reader.name.split(' ')[0]}.dossier`), { actor, localCopy: local });
      expect(received.sender.known).toBe(true);
    }
    await expect(receiveShare(out, { identity: dave }, siblingPath(caseFile, 'dave.dossier'), { actor: ALICE, localCopy: local })).rejects.toMatchObject({
      code: 'NO_MATCHING_IDENTITY',
    });
    expect(fs.existsSync(siblingPath(caseFile, 'dave.dossier'))).toBe(false);
  });

  it('round trip with a passphrase; custody names the passphrase holders', async () => {
    const caseFile = teamCase(ALICE, [alice], 1);
    const out = siblingPath(caseFile, 'pass.dossier.age');
    const created = await shareCase(caseFile, { sender: alice, passphrase: 'correct horse battery staple', scryptWorkFactor: FAST_SCRYPT }, out);
    expect(created.passphrase).toBe(true);
    expect(custodyOf(caseFile, 'transferred')[0]!.to_party).toBe('holders of the share passphrase');
    await expect(
      receiveShare(out, { passphrase: 'wrong', acceptSender: alice.publicIdentity.fingerprint }, siblingPath(caseFile, 'x.dossier'), { actor: BOB }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const received = await receiveShare(
      out,
      { passphrase: 'correct horse battery staple', acceptSender: alice.publicIdentity.fingerprint },
      siblingPath(caseFile, 'p.dossier'),
      { actor: BOB },
    );
    const copy = track(openCaseFile(received.path, { actor: BOB }));
    expect(custodyOf(copy, 'received')[0]!.to_party).toBe(BOB.name);
  });

  it('a share made by Dossier opens with the stock age CLI, and the case file inside is intact', async () => {
    const caseFile = teamCase(ALICE, [alice, bob], 1);
    const out = siblingPath(caseFile, 'cli.dossier.age');
    await shareCase(caseFile, { sender: alice, to: ['Bob Builder'] }, out);
    const dir = tempDir();
    const tarPath = path.join(dir, 'share.tar');
    ageCli(['-d', '-i', writeAgeIdentityFile(dir, bob), '-o', tarPath, out]);
    const listing = fs.readFileSync(tarPath);
    expect(listing.subarray(0, 13).toString()).toBe('manifest.json');
    const manifest = JSON.parse(listing.subarray(512, 512 + Number.parseInt(listing.subarray(124, 135).toString(), 8)).toString()) as Record<string, unknown>;
    expect(manifest.appVersion).toBe(DOSSIER_APP_VERSION);
    expect(manifest.caseId).toBe(caseFile.db.prepare('SELECT id FROM case_info').pluck().get());
  });

  it('the manifest states the app version of package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(DOSSIER_APP_VERSION).toBe(pkg.version);
  });

  it('refuses unclear addressees before any work, and never overwrites', async () => {
    const caseFile = teamCase(ALICE, [alice, bob], 0);
    addTeamMember(caseFile, lineOf(await makeTeam('Bob Other').then(([u]) => u)));
    const out = siblingPath(caseFile, 'x.dossier.age');
    const attempt = (request: Parameters<typeof shareCase>[1]) => shareCase(caseFile, request, out);
    await expect(attempt({ sender: alice })).rejects.toMatchObject({ code: 'SHARE_NO_RECIPIENTS' });
    await expect(attempt({ sender: alice, to: ['Mallory'] })).rejects.toMatchObject({ code: 'RECIPIENT_UNKNOWN' });
    await expect(attempt({ sender: alice, to: ['Bob'] })).rejects.toMatchObject({ code: 'RECIPIENT_AMBIGUOUS' });
    await expect(attempt({ sender: alice, to: [carol.publicIdentity.fingerprint] })).rejects.toMatchObject({ code: 'RECIPIENT_UNKNOWN' });
    await expect(attempt({ sender: alice, to: ['age1notarecipient'] })).rejects.toMatchObject({ code: 'RECIPIENT_INVALID' });
    await expect(attempt({ sender: alice, to: ['Alice Example'], passphrase: 'p' })).rejects.toMatchObject({ code: 'SHARE_PASSPHRASE_WITH_RECIPIENTS' });
    await expect(attempt({ sender: alice, passphrase: '' })).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    fs.writeFileSync(out, 'mine');
    await expect(attempt({ sender: alice, to: ['Alice Example'] })).rejects.toMatchObject({ code: 'SHARE_OUTPUT_EXISTS' });
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect(custodyOf(caseFile, 'transferred')).toEqual([]);
    expect(auditActions(caseFile, 'case.shared')).toEqual([]);
  });
});

describe('who is trusted to have sent a share', () => {
  it('without a local copy the sender is unknown, whatever the roster inside the share says', async () => {
    const caseFile = teamCase(ALICE, [alice, bob], 0);
    const out = siblingPath(caseFile, 's.dossier.age');
    await shareCase(caseFile, { sender: alice, to: ['Bob'] }, out);
    const target = siblingPath(caseFile, 'bob.dossier');
    const error = await receiveShare(out, { identity: bob }, target, { actor: BOB }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SENDER_UNKNOWN', details: { fingerprint: alice.publicIdentity.fingerprint, name: 'Alice Example' } });
    expect(fs.existsSync(target)).toBe(false);
    // accepting someone else's fingerprint does not let this sender through
    await expect(receiveShare(out, { identity: bob, acceptSender: carol.publicIdentity.fingerprint }, target, { actor: BOB })).rejects.toMatchObject({
      code: 'SENDER_UNKNOWN',
      details: { accepted: carol.publicIdentity.fingerprint },
    });
    await expect(receiveShare(out, { identity: bob, acceptSender: 'nonsense' }, target, { actor: BOB })).rejects.toMatchObject({ code: 'PUBLIC_IDENTITY_INVALID' });
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['s.dossier.age', 'test.dossier']);
  });

  it("a local copy's roster decides; a sender removed from it is unknown again; a share of another case is refused", async () => {
    const caseFile = teamCase(ALICE, [alice, bob], 0);
    const out = siblingPath(caseFile, 's.dossier.age');
    await shareCase(caseFile, { sender: alice, to: ['Bob'] }, out);
    const first = siblingPath(caseFile, 'bob1.dossier');
    await receiveShare(out, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, first, { actor: BOB });
    const bobCopy = track(openCaseFile(first, { actor: BOB }));
    expect((await receiveShare(out, { identity: bob }, siblingPath(caseFile, 'bob2.dossier'), { actor: BOB, localCopy: readLocalCopy(first) })).sender.known).toBe(true);
    removeTeamMember(bobCopy, alice.publicIdentity.fingerprint);
    closeCaseFile(bobCopy);
    await expect(receiveShare(out, { identity: bob }, siblingPath(caseFile, 'bob3.dossier'), { actor: BOB, localCopy: readLocalCopy(first) })).rejects.toMatchObject({
      code: 'SENDER_UNKNOWN',
    });
    const other = teamCase(ALICE, [alice, bob], 0, 'Another case');
    await expect(receiveShare(out, { identity: bob }, siblingPath(caseFile, 'bob4.dossier'), { actor: BOB, localCopy: readLocalCopy(other.path) })).rejects.toMatchObject({
      code: 'SHARE_WRONG_CASE',
    });
    expect(fs.existsSync(siblingPath(caseFile, 'bob3.dossier'))).toBe(false);
    expect(fs.existsSync(siblingPath(caseFile, 'bob4.dossier'))).toBe(false);
    expect(teamRosterOf(other).members).toHaveLength(2);
  });

  it('never replaces an existing file (FILE_EXISTS), before decrypting anything', async () => {
    const caseFile = teamCase(ALICE, [alice, bob], 0);
    const out = siblingPath(caseFile, 's.dossier.age');
    await shareCase(caseFile, { sender: alice, to: ['Bob'] }, out);
    const target = siblingPath(caseFile, 'taken.dossier');
    fs.writeFileSync(target, 'keep me');
    await expect(receiveShare(out, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, target, { actor: BOB })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    await expect(receiveShare(out, { identity: bob }, path.join(tempDir(), 'no', 'such', 'x.dossier'), { actor: BOB })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('the received file is a separate replica: its edits go to a new audit chain', async () => {
    const caseFile = teamCase(ALICE, [alice, bob], 0);
    const out = siblingPath(caseFile, 's.dossier.age');
    await shareCase(caseFile, { sender: alice, to: ['Bob'] }, out);
    const got = await receiveShare(out, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, siblingPath(caseFile, 'b.dossier'), { actor: BOB });
    const copy = track(openCaseFile(got.path, { actor: BOB }));
    expect(copy.chain).not.toBe(caseFile.chain);
    const db = new Database(got.path, { readonly: true });
    expect(db.prepare('SELECT count(DISTINCT chain) FROM audit_entry').pluck().get()).toBe(2);
    db.close();
  });
});
