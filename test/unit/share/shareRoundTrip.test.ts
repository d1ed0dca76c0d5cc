import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASH_THREAD_MIN_BYTES } from '../../../src-main/hashing/HashThread';
import { createShare } from '../../../src-main/share/createShare';
import { openShare } from '../../../src-main/share/openShare';
import { makeTeamRoster } from '../../../src-main/share/teamRoster';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import type { ShareProgress } from '../../../src-main/share/shareProgress';
import { ageCli, makeCaseFile, makeTeam, makeTempDir, manifestFields, sha256Hex, tarList, writeAgeIdentityFile } from './shareFixtures';

let tmp: ReturnType<typeof makeTempDir>;
let alice: UserIdentity, bob: UserIdentity, carol: UserIdentity, dave: UserIdentity;
let casePath: string;

beforeAll(async () => {
  tmp = makeTempDir();
  [alice, bob, carol, dave] = await makeTeam('Alice Example', 'Bob Builder', 'Carol Ng', 'Dave Ops');
  casePath = path.join(tmp.dir, 'storm.dossier');
  makeCaseFile(casePath, 3 * 1024 * 1024);
});
afterAll(() => tmp.cleanup());

const rosterOfAll = () => makeTeamRoster([alice, bob, carol, dave].map((u) => u.publicIdentity));

describe('createShare / openShare round trips', () => {
  it('shares to one recipient and opens it, with the case file byte-identical to the snapshot', async () => {
    const out = path.join(tmp.dir, 'one.dossier.age');
    const progress: ShareProgress[] = [];
    const created = await createShare(
      { caseFilePath: casePath, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient] },
      out,
      { onProgress: (p) => progress.push(p) },
    );
    expect(created.path).toBe(out);
    expect(created.manifest.sender.fingerprint).toBe(alice.publicIdentity.fingerprint);
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['snapshot', 'encrypt']));
    const last = progress.filter((p) => p.stage === 'encrypt').at(-1)!;
    expect(last.done).toBe(last.total);
    // nothing but the share is left in the output folder
    expect(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('.'))).toEqual([]);

    const opened = await openShare(out, { identity: bob, roster: rosterOfAll() }, path.join(tmp.dir, 'recv-one'));
    expect(opened.signerKnown).toBe(true);
    expect(opened.senderFingerprint).toBe(alice.publicIdentity.fingerprint);
    expect(opened.rosterMember?.name).toBe('Alice Example');
    expect(opened.manifest.caseId).toBe(manifestFields.caseId);
    expect(opened.manifest.auditHeads).toEqual(manifestFields.auditHeads);
    expect(sha256Hex(opened.snapshotPath)).toBe(opened.manifest.snapshot.sha256);
    const db = new Database(opened.snapshotPath, { readonly: true });
    expect(db.pragma('page_size', { simple: true })).toBe(65536);
    expect(db.prepare('SELECT body FROM note').pluck().get()).toBe('first note');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(fs.readdirSync(path.join(tmp.dir, 'recv-one')).sort()).toEqual(['case.dossier', 'manifest.json', 'manifest.sig']);
  });

  it('shares to three recipients; each opens it, a fourth cannot', async () => {
    const out = path.join(tmp.dir, 'three.dossier.age');
    await createShare(
      {
        caseFilePath: casePath,
        manifestFields,
        sender: alice,
        recipients: [bob, carol, alice].map((u) => u.publicIdentity.ageRecipient),
      },
      out,
    );
    for (const reader of [bob, carol, alice]) {
      const dest = path.join(tmp.dir, `recv-three-${reader.name.split(' ')[0]}`);
      const opened = await openShare(out, { identity: reader, roster: rosterOfAll() }, dest);
      expect(opened.signerKnown).toBe(true);
    }
    await expect(openShare(out, { identity: dave, roster: rosterOfAll() }, path.join(tmp.dir, 'recv-dave')))
      .rejects.toMatchObject({ code: 'NO_MATCHING_IDENTITY' });
    expect(fs.existsSync(path.join(tmp.dir, 'recv-dave'))).toBe(false);
  });

  it('shares with a passphrase and opens with it', async () => {
    const out = path.join(tmp.dir, 'pass.dossier.age');
    await createShare(
      { caseFilePath: casePath, manifestFields, sender: alice, passphrase: 'correct horse battery staple', scryptWorkFactor: 10 },
      out,
    );
    const opened = await openShare(out, { passphrase: 'correct horse battery staple', roster: rosterOfAll() }, path.join(tmp.dir, 'recv-pass'));
    expect(opened.manifest.snapshot.size).toBeGreaterThan(3 * 1024 * 1024);
    await expect(openShare(out, { passphrase: 'wrong', roster: rosterOfAll() }, path.join(tmp.dir, 'recv-pass-wrong')))
      .rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await expect(openShare(out, { identity: bob, roster: rosterOfAll() }, path.join(tmp.dir, 'recv-pass-id')))
      .rejects.toMatchObject({ code: 'NO_MATCHING_IDENTITY' });
  });

  it('shares from an open database connection and from a ready snapshot file', async () => {
    const db = new Database(casePath);
    const fromDb = path.join(tmp.dir, 'fromdb.dossier.age');
    await createShare({ database: db, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient] }, fromDb);
    db.close();
    const snap = path.join(tmp.dir, 'snap.sqlite');
    fs.copyFileSync(casePath, snap);
    const fromSnap = path.join(tmp.dir, 'fromsnap.dossier.age');
    const created = await createShare({ snapshotPath: snap, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient] }, fromSnap);
    expect(created.manifest.snapshot.sha256).toBe(sha256Hex(snap));
    const opened = await openShare(fromSnap, { identity: bob, roster: rosterOfAll() }, path.join(tmp.dir, 'recv-snap'));
    expect(fs.readFileSync(opened.snapshotPath).equals(fs.readFileSync(snap))).toBe(true);
    expect(fs.existsSync(snap)).toBe(true); // a caller's snapshot is never removed
  });

  it('signs the SHA-256 of a snapshot large enough to be hashed on a worker thread, and opens it', async () => {
    const snap = path.join(tmp.dir, 'large-snap.sqlite');
    makeCaseFile(snap, HASH_THREAD_MIN_BYTES + 1024 * 1024 + 5);
    const out = path.join(tmp.dir, 'large.dossier.age');
    const created = await createShare({ snapshotPath: snap, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient] }, out);
    expect(fs.statSync(snap).size).toBeGreaterThan(HASH_THREAD_MIN_BYTES);
    expect(created.manifest.snapshot.sha256).toBe(sha256Hex(snap));
    const opened = await openShare(out, { identity: bob, roster: rosterOfAll() }, path.join(tmp.dir, 'recv-large'));
    expect(sha256Hex(opened.snapshotPath)).toBe(sha256Hex(snap));
  });

  it('snapshots a case file while another connection holds it open and writes to it', async () => {
    const livePath = path.join(tmp.dir, 'live.dossier');
    makeCaseFile(livePath, 2 * 1024 * 1024);
    const writer = new Database(livePath);
    writer.prepare('INSERT INTO note VALUES (?, ?)').run('n2', 'written before the share');
    const out = path.join(tmp.dir, 'live.dossier.age');
    const sharing = createShare({ caseFilePath: livePath, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient] }, out);
    writer.prepare('INSERT INTO note VALUES (?, ?)').run('n3', 'written during the share');
    await sharing;
    writer.close();
    const opened = await openShare(out, { identity: bob, roster: rosterOfAll() }, path.join(tmp.dir, 'recv-live'));
    const copy = new Database(opened.snapshotPath, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare("SELECT count(*) FROM note WHERE id IN ('n1','n2')").pluck().get()).toBe(2);
    copy.close();
  });
});

describe('interoperability with the Debian age CLI', () => {
  it('age -d -i opens our share and tar -xf gives the three files', async () => {
    const out = path.join(tmp.dir, 'cli.dossier.age');
    await createShare(
      { caseFilePath: casePath, manifestFields, sender: alice, recipients: [bob, carol].map((u) => u.publicIdentity.ageRecipient) },
      out,
    );
    const keyFile = writeAgeIdentityFile(tmp.dir, carol);
    const tarPath = path.join(tmp.dir, 'cli.tar');
    ageCli(['-d', '-i', keyFile, '-o', tarPath, out]);
    expect(tarList(tarPath)).toEqual(['manifest.json', 'manifest.sig', 'case.dossier']);
    const x = path.join(tmp.dir, 'cli-x');
    fs.mkdirSync(x);
    execFileSync('tar', ['-xf', tarPath, '-C', x]);
    const manifest = JSON.parse(fs.readFileSync(path.join(x, 'manifest.json'), 'utf8'));
    expect(manifest.snapshot.sha256).toBe(sha256Hex(path.join(x, 'case.dossier')));
    expect(fs.readFileSync(path.join(x, 'manifest.sig'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
  });

  it('opens a share that GNU tar packed and `age -r` encrypted to our recipient', async () => {
    // Take a valid signed container apart, repack it with GNU tar (its default gnu format, 10 KiB
    // records) and encrypt it with the CLI: our reader must accept standard tools' output.
    const out = path.join(tmp.dir, 'for-repack.dossier.age');
    await createShare({ caseFilePath: casePath, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient] }, out);
    const x = path.join(tmp.dir, 'repack');
    fs.mkdirSync(x);
    const tarPath = path.join(x, 'orig.tar');
    ageCli(['-d', '-i', writeAgeIdentityFile(tmp.dir, bob), '-o', tarPath, out]);
    execFileSync('tar', ['-xf', tarPath, '-C', x]);
    const repacked = path.join(x, 'repacked.tar');
    execFileSync('tar', ['-cf', repacked, '-C', x, 'manifest.json', 'manifest.sig', 'case.dossier']);
    const byCli = path.join(tmp.dir, 'bycli.dossier.age');
    ageCli(['-r', carol.publicIdentity.ageRecipient, '-o', byCli, repacked]);
    const opened = await openShare(byCli, { identity: carol, roster: rosterOfAll() }, path.join(tmp.dir, 'recv-bycli'));
    expect(opened.senderFingerprint).toBe(alice.publicIdentity.fingerprint);
    expect(fs.readFileSync(opened.snapshotPath).equals(fs.readFileSync(path.join(x, 'case.dossier')))).toBe(true);
  });

  it('age -d opens a passphrase share (passphrase typed on a terminal via script)', async () => {
    const out = path.join(tmp.dir, 'pass-cli.dossier.age');
    await createShare({ caseFilePath: casePath, manifestFields, sender: alice, passphrase: 'tty-pass', scryptWorkFactor: 10 }, out);
    const tarPath = path.join(tmp.dir, 'pass-cli.tar');
    execFileSync('script', ['-qec', `age -d -o ${tarPath} ${out}`, '/dev/null'], { input: 'tty-pass\n', stdio: ['pipe', 'ignore', 'ignore'] });
    expect(tarList(tarPath)).toEqual(['manifest.json', 'manifest.sig', 'case.dossier']);
  });
});
