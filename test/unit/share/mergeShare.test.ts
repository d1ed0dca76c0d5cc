import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { mergeShare } from '../../../src-main/merge/mergeShare';
import { receiveShare } from '../../../src-main/share/receiveShare';
import { shareCase } from '../../../src-main/share/shareCase';
import { addTeamMember, listTeamMembers } from '../../../src-main/share/teamRosterService';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { addWebsite, listWebsites } from '../../../src-main/websites/websiteService';
import { ALICE, BOB, track } from '../../helpers/testCase';
import { makeTeam } from './shareFixtures';
import { addExhibit, auditActions, custodyOf, FAST_SCRYPT, lineOf, siblingPath, teamCase } from './teamFixtures';

let alice: UserIdentity, bob: UserIdentity, carol: UserIdentity;
beforeAll(async () => {
  [alice, bob, carol] = await makeTeam('Alice Example', 'Bob Builder', 'Carol Ng');
});

describe('two teammates: Alice shares to Bob, Bob works and shares back, Alice merges', () => {
  it("brings both sides' work together, with custody of every exhibit on both sides", async () => {
    const aliceCase = teamCase(ALICE, [alice, bob], 1);
    const shared = noteService.create(aliceCase, { title: 'Shared plan', body: 'v1' });
    const toBob = siblingPath(aliceCase, 'to-bob.dossier.age');
    await shareCase(aliceCase, { sender: alice, to: ['Bob'] }, toBob);

    const bobPath = siblingPath(aliceCase, 'bob.dossier');
    await receiveShare(toBob, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, bobPath, { actor: BOB });
    const bobCase = track(openCaseFile(bobPath, { actor: BOB }));
    noteService.create(bobCase, { title: 'Bob findings', body: 'registrar answered' });
    noteService.update(bobCase, shared.id, { body: 'v2 by Bob' });
    addWebsite(bobCase, { input: 'anycaptcha.com' });
    addExhibit(bobCase, 2, 'Registrar letter');
    addTeamMember(bobCase, lineOf(carol));
    // Alice keeps working meanwhile
    noteService.create(aliceCase, { title: 'Alice findings', body: 'hosting in NL' });
    addWebsite(aliceCase, { input: 'hotmailbox.me' });

    const toAlice = siblingPath(aliceCase, 'to-alice.dossier.age');
    const back = await shareCase(bobCase, { sender: bob, to: ['Alice'] }, toAlice);
    expect(back.exhibits).toBe(2);

    const report = await mergeShare(aliceCase, toAlice, { identity: alice });
    expect(report).toMatchObject({ otherPath: toAlice, unchanged: false, share: { sender: { name: 'Bob Builder', known: true }, manifestSha256: back.manifestSha256, exhibits: 2 } });
    expect(noteService.list(aliceCase).items.map((n) => n.title).sort()).toEqual(['Alice findings', 'Bob findings', 'Shared plan']);
    expect(noteService.get(aliceCase, shared.id).body).toBe('v2 by Bob');
    expect(listWebsites(aliceCase).items.map((w) => w.host_ascii)).toEqual(['anycaptcha.com', 'hotmailbox.me']);
    expect(listTeamMembers(aliceCase).map((m) => m.name)).toEqual(['Alice Example', 'Bob Builder', 'Carol Ng']);
    // Custody of exhibit 1 in Alice's copy: her transfer to Bob, Bob's receipt (merged in), her
    // receipt from Bob. Bob's own 'transferred' entry was written after his snapshot, so it is in
    // his copy and arrives here with the next share in this direction; the receipt names him and
    // the manifest SHA-256 that pairs the two entries.
    const trailOf = (caseFile: typeof aliceCase) => {
      const exhibit1 = caseFile.db.prepare('SELECT id FROM evidence WHERE exhibit_number = 1').pluck().get() as string;
      return caseFile.db.prepare('SELECT action, actor, details FROM custody_event WHERE evidence_id = ? ORDER BY at, id').all(exhibit1) as { action: string; actor: string; details: string }[];
    };
    expect(trailOf(aliceCase).map(({ action, actor }) => ({ action, actor }))).toEqual([
      { action: 'transferred', actor: ALICE.name },
      { action: 'received', actor: BOB.name },
      { action: 'received', actor: ALICE.name },
    ]);
    expect(trailOf(aliceCase)[2]!.details).toContain(back.manifestSha256);
    expect(trailOf(bobCase).map((e) => e.action)).toEqual(['received', 'transferred']);
    expect(trailOf(bobCase)[1]!.details).toContain(back.manifestSha256);
    expect(custodyOf(aliceCase, 'received').filter((e) => e.to_party?.startsWith('Alice'))).toHaveLength(2);
    // Bob's receipt (merged in) and Alice's
    expect(auditActions(aliceCase, 'case.received').map((d) => d.file)).toEqual(['to-bob.dossier.age', 'to-alice.dossier.age']);
    expect(verifyAudit(aliceCase.db).ok).toBe(true);
    expect(aliceCase.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(fs.readdirSync(path.dirname(aliceCase.path)).filter((f) => f.startsWith('.'))).toEqual([]);

    // The same share again: nothing new, no second receipt.
    const custodyBefore = aliceCase.db.prepare('SELECT count(*) FROM custody_event').pluck().get();
    const again = await mergeShare(aliceCase, toAlice, { identity: alice });
    expect(again.unchanged).toBe(true);
    expect(aliceCase.db.prepare('SELECT count(*) FROM custody_event').pluck().get()).toBe(custodyBefore);
    expect(auditActions(aliceCase, 'case.received')).toHaveLength(2);
  });

  it("checks the sender against THIS case's roster and refuses a share of another case", async () => {
    const aliceCase = teamCase(ALICE, [alice], 0);
    const toBob = siblingPath(aliceCase, 'to-bob.dossier.age');
    await shareCase(aliceCase, { sender: alice, to: [bob.publicIdentity.ageRecipient] }, toBob);
    const bobPath = siblingPath(aliceCase, 'bob.dossier');
    await receiveShare(toBob, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, bobPath, { actor: BOB });
    const bobCase = track(openCaseFile(bobPath, { actor: BOB }));
    noteService.create(bobCase, { title: 'From Bob', body: '' });
    const toAlice = siblingPath(aliceCase, 'back.dossier.age');
    await shareCase(bobCase, { sender: bob, to: ['Alice Example'] }, toAlice);

    // Bob is not in Alice's roster
    const before = noteService.list(aliceCase).items.length;
    await expect(mergeShare(aliceCase, toAlice, { identity: alice })).rejects.toMatchObject({ code: 'SENDER_UNKNOWN', details: { fingerprint: bob.publicIdentity.fingerprint } });
    expect(noteService.list(aliceCase).items).toHaveLength(before);
    // accepted by fingerprint once
    const report = await mergeShare(aliceCase, toAlice, { identity: alice, acceptSender: bob.publicIdentity.fingerprint });
    expect(report.share?.sender.known).toBe(false);
    expect(noteService.list(aliceCase).items.map((n) => n.title)).toContain('From Bob');

    // a share of another case
    const other = teamCase(ALICE, [alice, bob], 0, 'Other case');
    await expect(mergeShare(other, toAlice, { identity: alice })).rejects.toMatchObject({ code: 'SHARE_WRONG_CASE' });
    expect(fs.readdirSync(path.dirname(other.path)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it("records a receipt even when a teammate's receipt of the same share was merged in before", async () => {
    const CAROL = { name: 'Carol Ng', device: 'carol-tablet' };
    const aliceCase = teamCase(ALICE, [alice, bob, carol], 1);
    const w = siblingPath(aliceCase, 'w.dossier.age');
    await shareCase(aliceCase, { sender: alice, to: ['Bob', 'Carol'] }, w);
    const local = { acceptSender: alice.publicIdentity.fingerprint };
    const bobCase = track(openCaseFile((await receiveShare(w, { identity: bob, ...local }, siblingPath(aliceCase, 'bob.dossier'), { actor: BOB })).path, { actor: BOB }));
    const carolCase = track(openCaseFile((await receiveShare(w, { identity: carol, ...local }, siblingPath(aliceCase, 'carol.dossier'), { actor: CAROL })).path, { actor: CAROL }));
    const x = siblingPath(aliceCase, 'x.dossier.age');
    const shareX = await shareCase(aliceCase, { sender: alice, to: ['Bob', 'Carol'] }, x);
    await mergeShare(bobCase, x, { identity: bob });
    const y = siblingPath(aliceCase, 'y.dossier.age');
    await shareCase(bobCase, { sender: bob, to: ['Carol'] }, y);
    await mergeShare(carolCase, y, { identity: carol }); // brings Bob's receipt of x
    await mergeShare(carolCase, x, { identity: carol });
    const receiptsOfX = custodyOf(carolCase, 'received').filter((e) => e.details?.includes(shareX.manifestSha256));
    expect(receiptsOfX.map((e) => e.to_party?.split(' (')[0])).toEqual(['Bob Builder', 'Carol Ng']);
  });

  it('merges a passphrase share', async () => {
    const aliceCase = teamCase(ALICE, [alice], 1);
    const bobPath = siblingPath(aliceCase, 'copy.dossier');
    const first = siblingPath(aliceCase, 'first.dossier.age');
    await shareCase(aliceCase, { sender: alice, passphrase: 'pw-1', scryptWorkFactor: FAST_SCRYPT }, first);
    await receiveShare(first, { passphrase: 'pw-1', acceptSender: alice.publicIdentity.fingerprint }, bobPath, { actor: BOB });
    const copy = track(openCaseFile(bobPath, { actor: BOB }));
    noteService.create(copy, { title: 'Offline work', body: '' });
    const back = siblingPath(aliceCase, 'back.dossier.age');
    await shareCase(copy, { sender: alice, passphrase: 'pw-2', scryptWorkFactor: FAST_SCRYPT }, back);
    await expect(mergeShare(aliceCase, back, { passphrase: 'pw-1' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const report = await mergeShare(aliceCase, back, { passphrase: 'pw-2' });
    expect(report.share?.sender.known).toBe(true); // alice signed it and is in the roster
    expect(noteService.list(aliceCase).items.map((n) => n.title)).toContain('Offline work');
  });
});
