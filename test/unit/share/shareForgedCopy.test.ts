import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { deleteEvidence } from '../../../src-main/evidence/evidenceService';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { mergeShare } from '../../../src-main/merge/mergeShare';
import { noteService } from '../../../src-main/notes/noteService';
import { readLocalCopy } from '../../../src-main/share/localCopy';
import { receiveShare } from '../../../src-main/share/receiveShare';
import { shareCase } from '../../../src-main/share/shareCase';
import type { ShareCreated } from '../../../src-main/contract/sharing';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { forgeNote, withoutTriggersOf } from '../../helpers/forgeCaseFile';
import { ALICE, BOB, track } from '../../helpers/testCase';
import { makeTeam } from './shareFixtures';
import { addExhibit, custodyOf, siblingPath, teamCase } from './teamFixtures';

/*
 * H2/H3 through shares: a copy changed behind the app's back and shared with --force. Custody on
 * either side must state what was hashed, and the receiver must not take the altered copy in.
 */

let alice: UserIdentity, bob: UserIdentity;
beforeAll(async () => {
  [alice, bob] = await makeTeam('Alice Example', 'Bob Builder');
});

const ORIGINAL = 'access log: captcha solver key leaked\n';
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Alice's case (exhibit 1 with stored bytes, exhibit 2 a record only), received by Bob as bob.dossier. */
async function aliceAndBob(): Promise<{ aliceCase: CaseFile; bobPath: string; noteId: string; exhibitId: string }> {
  const aliceCase = teamCase(ALICE, [alice, bob], 0);
  const file = siblingPath(aliceCase, 'access.log');
  fs.writeFileSync(file, ORIGINAL);
  const exhibitId = (await importEvidence(aliceCase, [file], { title: 'Access log' })).items[0]!.evidence.id;
  fs.rmSync(file);
  addExhibit(aliceCase, 2, 'Letter (record only)');
  const noteId = noteService.create(aliceCase, { title: 'Plan', body: 'the real plan' }).id;
  const toBob = siblingPath(aliceCase, 'to-bob.dossier.age');
  await shareCase(aliceCase, { sender: alice, to: ['Bob'] }, toBob);
  const bobPath = siblingPath(aliceCase, 'bob.dossier');
  await receiveShare(toBob, { identity: bob }, bobPath, { actor: BOB, localCopy: readLocalCopy(aliceCase.path) });
  return { aliceCase, bobPath, noteId, exhibitId };
}

/** Bob shares his copy back to Alice with --force. */
async function bobSharesForced(aliceCase: CaseFile, bobPath: string): Promise<{ bobCase: CaseFile; share: string; created: ShareCreated }> {
  const bobCase = track(openCaseFile(bobPath, { actor: BOB }));
  const share = siblingPath(aliceCase, 'to-alice.dossier.age');
  const created = await shareCase(bobCase, { sender: bob, to: ['Alice'], force: true }, share);
  return { bobCase, share, created };
}

const noLeftovers = (caseFile: CaseFile) => expect(fs.readdirSync(path.dirname(caseFile.path)).filter((f) => f.startsWith('.'))).toEqual([]);

describe('custody of a share states what was hashed', () => {
  it('an honest share: both sides record the SHA-256 of the bytes they hashed, and "n/a" for a record without bytes', async () => {
    const { aliceCase, bobPath, exhibitId } = await aliceAndBob();
    const sent = aliceCase.db.prepare("SELECT evidence_id, hash_seen, result, details FROM custody_event WHERE action = 'transferred'").all() as { evidence_id: string; hash_seen: string | null; result: string; details: string }[];
    const bytes = sent.find((e) => e.evidence_id === exhibitId)!;
    expect(bytes).toMatchObject({ hash_seen: sha256(ORIGINAL), result: 'ok' });
    expect(bytes.details).toContain('re-hashed');
    const recordOnly = sent.find((e) => e.evidence_id !== exhibitId)!;
    expect(recordOnly).toMatchObject({ hash_seen: null, result: 'n/a' });
    // --force on a case that passes its check forces nothing.
    const { bobCase, created } = await bobSharesForced(aliceCase, bobPath);
    expect(created.forced).toBeNull();
    const got = bobCase.db.prepare("SELECT evidence_id, hash_seen, result FROM custody_event WHERE action = 'received'").all();
    expect(got).toEqual(expect.arrayContaining([
      { evidence_id: exhibitId, hash_seen: sha256(ORIGINAL), result: 'ok' },
      { evidence_id: recordOnly.evidence_id, hash_seen: null, result: 'n/a' },
    ]));
  });

  it('H3: bytes changed with sqlite3 and shared with --force: the sender records the mismatch, the receiver refuses', async () => {
    const { aliceCase, bobPath, exhibitId } = await aliceAndBob();
    withoutTriggersOf(bobPath, 'evidence_chunk', "UPDATE evidence_chunk SET data = CAST('access log: nothing to see here\n' AS BLOB)");
    const { bobCase, share, created } = await bobSharesForced(aliceCase, bobPath);
    // M: the forced share says so, with what failed.
    expect(created.forced).toMatch(/^evidence: 1 of 1 exhibit\(s\) fail verification/);
    const sent = bobCase.db.prepare("SELECT hash_seen, result, details FROM custody_event WHERE action = 'transferred' AND evidence_id = ?").get(exhibitId) as { hash_seen: string; result: string; details: string };
    expect(sent.result).toBe('mismatch');
    expect(sent.hash_seen).toBe(sha256('access log: nothing to see here\n'));
    expect(sent.details).toContain(`recorded ${sha256(ORIGINAL)}`);

    const out = siblingPath(aliceCase, 'received.dossier');
    await expect(receiveShare(share, { identity: alice }, out, { actor: ALICE, localCopy: readLocalCopy(aliceCase.path) })).rejects.toMatchObject({
      code: 'EVIDENCE_HASH_MISMATCH',
      message: expect.stringContaining('Exhibit 1'),
    });
    expect(fs.existsSync(out)).toBe(false);
    // Alice already holds these bytes, so the merge copies none: the receipt is what must not claim them.
    const receivedBefore = custodyOf(aliceCase, 'received').length;
    await expect(mergeShare(aliceCase, share, { identity: alice })).rejects.toMatchObject({ code: 'EVIDENCE_HASH_MISMATCH' });
    expect(custodyOf(aliceCase, 'received')).toHaveLength(receivedBefore);
    noLeftovers(aliceCase);
  });
});

describe("a deleted exhibit's bytes", () => {
  it("travel too: altered, they are refused without --force (the receiver would refuse them); the check gate now names them first", async () => {
    const { aliceCase, exhibitId } = await aliceAndBob();
    deleteEvidence(aliceCase, exhibitId);
    closeCaseFile(aliceCase);
    withoutTriggersOf(aliceCase.path, 'evidence_chunk', "UPDATE evidence_chunk SET data = CAST('other bytes' AS BLOB)");
    const reopened = track(openCaseFile(aliceCase.path, { actor: ALICE }));
    const out = siblingPath(reopened, 'again.dossier.age');
    // dossier check re-hashes deleted exhibits too (their bytes stay in the case and travel).
    await expect(shareCase(reopened, { sender: alice, to: ['Bob'] }, out)).rejects.toMatchObject({ code: 'CASE_CHECK_FAILED', message: expect.stringContaining('deleted exhibit') });
    expect(fs.existsSync(out)).toBe(false);
    expect(custodyOf(reopened, 'transferred')).toHaveLength(2);
    noLeftovers(reopened);
  });
});

describe('what a forced share still carries', () => {
  it('M: a share forced past a failing foreign-key check is received with that problem named (receiving does not refuse it)', async () => {
    const { aliceCase, bobPath } = await aliceAndBob();
    execFileSync('sqlite3', [bobPath, "INSERT INTO evidence_chunk (content_sha256, seq, data) VALUES ('" + 'a'.repeat(64) + "', 0, X'00')"]);
    const { share, created } = await bobSharesForced(aliceCase, bobPath);
    expect(created.forced).toMatch(/^foreign_keys: /);
    const out = siblingPath(aliceCase, 'received.dossier');
    const received = await receiveShare(share, { identity: alice }, out, { actor: ALICE, localCopy: readLocalCopy(aliceCase.path) });
    expect(received.problems).toEqual([expect.stringMatching(/^A row of evidence_chunk \(rowid \d+\) points at a missing evidence_content\./)]);
  });

  it('an honest share is received with no problems', async () => {
    const { bobPath } = await aliceAndBob();
    expect(fs.existsSync(bobPath)).toBe(true);
    const bobCase = track(openCaseFile(bobPath, { actor: BOB }));
    const share = siblingPath(bobCase, 'back.dossier.age');
    await shareCase(bobCase, { sender: bob, to: ['Alice'] }, share);
    const received = await receiveShare(share, { identity: alice, acceptSender: bob.publicIdentity.fingerprint }, siblingPath(bobCase, 'r.dossier'), { actor: ALICE });
    expect(received.problems).toEqual([]);
  });
});

describe('a share of records changed behind the app', () => {
  it('H2: a note forged with sqlite3 and shared with --force is refused by receive and by merge', async () => {
    const { aliceCase, bobPath, noteId } = await aliceAndBob();
    forgeNote(bobPath, noteId);
    const { share, created } = await bobSharesForced(aliceCase, bobPath);
    expect(created.forced).toContain('content: 1 record(s) differ from their audited state.');
    const out = siblingPath(aliceCase, 'received.dossier');
    await expect(receiveShare(share, { identity: alice }, out, { actor: ALICE, localCopy: readLocalCopy(aliceCase.path) })).rejects.toMatchObject({
      code: 'RECORDS_ALTERED',
      message: expect.stringContaining(`note ${noteId}`),
    });
    expect(fs.existsSync(out)).toBe(false);
    await expect(mergeShare(aliceCase, share, { identity: alice })).rejects.toMatchObject({
      code: 'RECORDS_ALTERED',
      message: expect.stringContaining('to-alice.dossier.age'),
    });
    expect(noteService.get(aliceCase, noteId).body).toBe('the real plan');
    noLeftovers(aliceCase);
    closeCaseFile(aliceCase);
  });
});
