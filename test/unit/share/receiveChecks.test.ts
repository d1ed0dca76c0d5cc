import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHeads } from '../../../src-main/audit/verifyAudit';
import { closeCaseFile } from '../../../src-main/casefile/openCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { openShare } from '../../../src-main/share/openShare';
import { makeTeamRoster } from '../../../src-main/share/teamRoster';
import { createShare } from '../../../src-main/share/createShare';
import { signManifest } from '../../../src-main/share/manifestSignature';
import { receiveShare } from '../../../src-main/share/receiveShare';
import { shareCase } from '../../../src-main/share/shareCase';
import type { AuditChainHead } from '../../../src-main/share/shareManifest';
import { tarStream, type TarEntry } from '../../../src-main/share/shareTarWriter';
import { snapshotCaseFile } from '../../../src-main/share/snapshot';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { ALICE, BOB } from '../../helpers/testCase';
import { makeCaseFile, makeTeam, makeTempDir } from './shareFixtures';
import { teamCase } from './teamFixtures';

/*
 * A share can be validly encrypted and signed and still carry a case file that must not be used:
 * a sender's damaged copy, or a teammate's key in the wrong hands. These shares are forged by
 * editing a real snapshot and then signing it with a valid identity, so they pass age and the
 * signature and reach the case-file checks of receiveShare.
 */

let tmp: ReturnType<typeof makeTempDir>;
let alice: UserIdentity, bob: UserIdentity, mallory: UserIdentity;
/** A consistent snapshot of a real case file (with notes, exhibits, roster, audit). */
let snapshot: string;
let caseId: string;
let validShare: string;
let counter = 0;

beforeAll(async () => {
  tmp = makeTempDir();
  [alice, bob, mallory] = await makeTeam('Alice Example', 'Bob Builder', 'Mallory');
  const caseFile = teamCase(ALICE, [alice, bob], 2);
  noteService.create(caseFile, { title: 'Plan', body: 'seize the domains' });
  noteService.create(caseFile, { title: 'Second', body: 'more' });
  caseId = caseFile.db.prepare('SELECT id FROM case_info').pluck().get() as string;
  validShare = path.join(tmp.dir, 'valid.dossier.age');
  await shareCase(caseFile, { sender: alice, to: ['Bob'] }, validShare);
  closeCaseFile(caseFile);
  snapshot = path.join(tmp.dir, 'snapshot.dossier');
  await snapshotCaseFile(caseFile.path, snapshot);
});
afterAll(() => tmp.cleanup());

function fresh(name: string): string {
  counter += 1;
  return path.join(tmp.dir, `${counter}-${name}`);
}

/** A copy of the snapshot changed by `edit` (through SQLite). */
function editedSnapshot(edit: (db: Database.Database) => void): string {
  const copy = fresh('edited.dossier');
  fs.copyFileSync(snapshot, copy);
  const db = new Database(copy);
  try {
    edit(db);
  } finally {
    db.close();
  }
  return copy;
}

/** Signs `snapshotPath` as alice, to bob, stating `overrides` (else the snapshot's true facts). */
async function signedShare(snapshotPath: string, overrides: { caseId?: string; auditHeads?: AuditChainHead[] } = {}): Promise<string> {
  let heads: AuditChainHead[] = [];
  try {
    const db = new Database(snapshotPath, { readonly: true });
    heads = auditHeads(db) as unknown as AuditChainHead[];
    db.close();
  } catch {
    heads = [];
  }
  const out = fresh('forged.dossier.age');
  await createShare(
    {
      snapshotPath,
      manifestFields: { caseId: overrides.caseId ?? caseId, caseTitle: 'Operation Test', auditHeads: overrides.auditHeads ?? heads, appVersion: '0.1.0' },
      sender: alice,
      recipients: [bob.publicIdentity.ageRecipient],
    },
    out,
  );
  return out;
}

/** receiveShare as bob, accepting alice; expects `code` and checks that nothing was written. */
async function expectRefused(share: string, code: string, keys: Partial<Parameters<typeof receiveShare>[1]> = {}) {
  const target = fresh('received.dossier');
  const before = fs.readdirSync(tmp.dir).length;
  const error = await receiveShare(share, { identity: bob, acceptSender: alice.publicIdentity.fingerprint, ...keys }, target, { actor: BOB }).then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error, `expected ${code}`).toBeDefined();
  expect(error!.code, error!.message).toBe(code);
  expect(fs.existsSync(target)).toBe(false);
  expect(fs.readdirSync(tmp.dir)).toHaveLength(before); // no temporary folder left either
  return error!;
}

describe('receiveShare checks the case file inside a validly signed share', () => {
  it('accepts the unedited snapshot signed the same way (control)', async () => {
    const target = fresh('ok.dossier');
    const received = await receiveShare(await signedShare(snapshot), { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, target, { actor: BOB });
    expect(received.caseId).toBe(caseId);
    expect(received.exhibits).toBe(2);
  });

  it('AUDIT_CHAIN_BROKEN: an audit entry rewritten (triggers dropped and put back), re-signed', async () => {
    const forged = editedSnapshot((db) => {
      const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_entry_no_update'").pluck().get() as string;
      db.exec('DROP TRIGGER audit_entry_no_update');
      db.prepare("UPDATE audit_entry SET actor = 'Someone Else' WHERE seq = 2").run();
      db.exec(trigger);
    });
    const error = await expectRefused(await signedShare(forged), 'AUDIT_CHAIN_BROKEN');
    expect(error.message).toMatch(/entry 2: content does not match its hash/);
  });

  it('AUDIT_CHAIN_BROKEN: an audit entry deleted from the middle of a chain, re-signed', async () => {
    const forged = editedSnapshot((db) => {
      const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_entry_no_delete'").pluck().get() as string;
      db.exec('DROP TRIGGER audit_entry_no_delete');
      db.prepare('DELETE FROM audit_entry WHERE seq = 3').run();
      db.exec(trigger);
    });
    await expectRefused(await signedShare(forged), 'AUDIT_CHAIN_BROKEN');
  });

  it('SHARE_CASE_MISMATCH: the manifest names another case than the file holds', async () => {
    const error = await expectRefused(await signedShare(snapshot, { caseId: '0193a5c2-7e1f-7a3b-9c4d-000000000000' }), 'SHARE_CASE_MISMATCH');
    expect(error.message).toContain(caseId);
  });

  it('SHARE_AUDIT_HEADS_MISMATCH: the manifest states other audit heads', async () => {
    await expectRefused(await signedShare(snapshot, { auditHeads: [] }), 'SHARE_AUDIT_HEADS_MISMATCH');
    const db = new Database(snapshot, { readonly: true });
    const heads = auditHeads(db).map((h) => ({ ...h, length: h.length - 1 }));
    db.close();
    await expectRefused(await signedShare(snapshot, { auditHeads: heads as unknown as AuditChainHead[] }), 'SHARE_AUDIT_HEADS_MISMATCH');
  });

  it('NOT_A_CASE_FILE: a trigger (or view) added to the schema, which would run on every later write', async () => {
    const trigger = editedSnapshot((db) => db.exec('CREATE TRIGGER quiet AFTER INSERT ON note BEGIN DELETE FROM link; END;'));
    const error = await expectRefused(await signedShare(trigger), 'NOT_A_CASE_FILE');
    expect(error.message).toContain('unexpected trigger quiet');
    const view = editedSnapshot((db) => db.exec('CREATE VIEW v AS SELECT 1'));
    await expectRefused(await signedShare(view), 'NOT_A_CASE_FILE');
    const dropped = editedSnapshot((db) => db.exec('DROP TRIGGER custody_event_no_update'));
    expect((await expectRefused(await signedShare(dropped), 'NOT_A_CASE_FILE')).message).toContain('missing trigger custody_event_no_update');
  });

  it('NOT_A_CASE_FILE: an SQLite database that is not a Dossier case file', async () => {
    const plain = fresh('plain.dossier');
    makeCaseFile(plain, 64 * 1024);
    await expectRefused(await signedShare(plain), 'NOT_A_CASE_FILE');
  });

  it('CASE_FILE_FROM_NEWER_VERSION: a case file of a schema this Dossier does not know', async () => {
    const newer = editedSnapshot((db) => db.pragma('user_version = 999'));
    await expectRefused(await signedShare(newer), 'CASE_FILE_FROM_NEWER_VERSION');
  });

  it('CASE_FILE_CORRUPT: a damaged page inside the case file, re-signed', async () => {
    const db = new Database(snapshot, { readonly: true });
    const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'note'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const damaged = fresh('damaged.dossier');
    const bytes = Buffer.from(fs.readFileSync(snapshot));
    bytes.fill(0x5a, (root - 1) * pageSize + 8, (root - 1) * pageSize + 400); // cell pointers and cells of the note table
    fs.writeFileSync(damaged, bytes);
    await expectRefused(await signedShare(damaged), 'CASE_FILE_CORRUPT');
  });
});

describe('receiveShare refuses damaged or foreign shares, each with its own code, writing nothing', () => {
  it('NO_MATCHING_IDENTITY: not sent to this identity', async () => {
    await expectRefused(validShare, 'NO_MATCHING_IDENTITY', { identity: mallory });
  });

  it('SHARE_TRUNCATED: cut off', async () => {
    const cut = fresh('cut.dossier.age');
    fs.writeFileSync(cut, fs.readFileSync(validShare).subarray(0, Math.floor(fs.statSync(validShare).size / 2)));
    await expectRefused(cut, 'SHARE_TRUNCATED');
  });

  it('SHARE_TAMPERED: one byte changed', async () => {
    const bytes = Buffer.from(fs.readFileSync(validShare));
    bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
    const altered = fresh('altered.dossier.age');
    fs.writeFileSync(altered, bytes);
    await expectRefused(altered, 'SHARE_TAMPERED');
  });

  it('SIGNATURE_INVALID: a manifest naming alice, signed by someone else', async () => {
    // Alice's genuine manifest and case file, with mallory's signature.
    const parts = await openShare(validShare, { identity: bob, roster: makeTeamRoster([alice.publicIdentity]) }, fresh('parts'));
    const manifestBytes = fs.readFileSync(parts.manifestPath);
    const snapshotBytes = fs.readFileSync(parts.snapshotPath);
    const forgedSig = signManifest(manifestBytes, mallory.signingKey);
    const entries: TarEntry[] = [
      { name: 'manifest.json', size: manifestBytes.length, mtime: 0, data: manifestBytes },
      { name: 'manifest.sig', size: forgedSig.length, mtime: 0, data: forgedSig },
      { name: 'case.dossier', size: snapshotBytes.length, mtime: 0, data: snapshotBytes },
    ];
    const chunks: Uint8Array[] = [];
    for await (const chunk of tarStream(entries)) chunks.push(chunk);
    const encrypter = new Encrypter();
    encrypter.addRecipient(bob.publicIdentity.ageRecipient);
    const forged = fresh('forged-sig.dossier.age');
    fs.writeFileSync(forged, await encrypter.encrypt(Buffer.concat(chunks)));
    fs.rmSync(path.dirname(parts.snapshotPath), { recursive: true });
    await expectRefused(forged, 'SIGNATURE_INVALID');
  });

  it('NOT_A_SHARE: not an age file at all', async () => {
    await expectRefused(snapshot, 'NOT_A_SHARE');
  });
});
