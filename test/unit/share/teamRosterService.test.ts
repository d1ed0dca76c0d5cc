import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { migrate } from '../../../src-main/casefile/migrate';
import { MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { trustTeamMember } from '../../../src-main/share/rosterTrust';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { addTeamMember, listTeamMembers, removeTeamMember, teamRosterOf } from '../../../src-main/share/teamRosterService';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';
import { makeTeam } from './shareFixtures';
import { lineOf } from './teamFixtures';

let alice: UserIdentity, bob: UserIdentity, carol: UserIdentity;
beforeAll(async () => {
  [alice, bob, carol] = await makeTeam('Alice Example', 'Bob Builder', 'Carol Ng');
});

describe('migration 0030-team-roster', () => {
  it('adds team_member to an existing v1 case file, keeping its rows', () => {
    const file = path.join(tempDir(), 'v1.dossier');
    const db = new Database(file);
    migrate(db, file, MIGRATIONS.filter((m) => m.version === 1));
    db.prepare(
      `INSERT INTO case_info (id, title, created_at, created_by, updated_at, updated_by, hlc) VALUES ('c1', 'Old case', 'x', 'x', 'x', 'x', 'h')`,
    ).run();
    expect(teamRosterOf(db).members).toEqual([]); // a copy from before rosters: nobody is trusted
    migrate(db, file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    expect(db.prepare('SELECT title FROM case_info').pluck().get()).toBe('Old case');
    const insert = db.prepare(
      `INSERT INTO team_member (id, name, fingerprint, age_recipient, ed25519_public_key, identity_line, role, created_at, created_by, updated_at, updated_by, hlc, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, 'x', 'x', 'x', 'x', 'h', ?)`,
    );
    const pub = alice.publicIdentity;
    const row = (id: string, deleted: string | null) => [id, pub.name, pub.fingerprint, pub.ageRecipient, pub.ed25519PublicKey, lineOf(alice), deleted];
    insert.run(...row('m1', null));
    // one live row per key; tombstoned ones may repeat it
    expect(() => insert.run(...row('m2', null))).toThrow(/UNIQUE/);
    insert.run(...row('m3', '2026-01-01T00:00:00.000Z'));
    // STRICT and CHECKs: a malformed fingerprint or a non-age recipient is refused by the schema itself
    expect(() => insert.run('m4', 'X', 'not-a-fingerprint', pub.ageRecipient, pub.ed25519PublicKey, 'l', null)).toThrow(/CHECK/);
    expect(() => insert.run('m5', 'X', bob.publicIdentity.fingerprint, 'ssh-ed25519 AAAA', pub.ed25519PublicKey, 'l', null)).toThrow(/CHECK/);
    db.close();
  });
});

describe('the team roster of a case', () => {
  it('adds from identity lines, lists by name, audits who trusted which key', () => {
    const caseFile = newTestCase(ALICE);
    const bobRow = addTeamMember(caseFile, lineOf(bob), { role: 'counsel' });
    addTeamMember(caseFile, `  ${lineOf(alice)}\n`);
    expect(bobRow).toMatchObject({ name: 'Bob Builder', fingerprint: bob.publicIdentity.fingerprint, role: 'counsel', deleted_at: null });
    expect(listTeamMembers(caseFile).map((m) => m.name)).toEqual(['Alice Example', 'Bob Builder']);
    expect(teamRosterOf(caseFile).members.map((m) => m.fingerprint)).toEqual([alice.publicIdentity.fingerprint, bob.publicIdentity.fingerprint]);
    const audit = caseFile.db.prepare("SELECT detail FROM audit_entry WHERE action = 'team_member.create'").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d).fingerprint)).toEqual([bob.publicIdentity.fingerprint, alice.publicIdentity.fingerprint]);
    expect(verifyAudit(caseFile.db).ok).toBe(true);
  });

  it('refuses the same key twice, a damaged line, and a line whose fingerprint does not match', () => {
    const caseFile = newTestCase(ALICE);
    addTeamMember(caseFile, lineOf(bob));
    expect(() => addTeamMember(caseFile, lineOf(bob))).toThrow(expect.objectContaining({ code: 'ROSTER_DUPLICATE' }));
    expect(() => addTeamMember(caseFile, lineOf(carol).slice(0, 60))).toThrow(expect.objectContaining({ code: 'PUBLIC_IDENTITY_INVALID' }));
    const forged = lineOf(carol).replace(carol.publicIdentity.fingerprint, bob.publicIdentity.fingerprint);
    expect(() => addTeamMember(caseFile, forged)).toThrow(expect.objectContaining({ code: 'PUBLIC_IDENTITY_INVALID' }));
    expect(listTeamMembers(caseFile)).toHaveLength(1);
  });

  it('removes by fingerprint as a tombstone (history kept); the key may be added again', () => {
    const caseFile = newTestCase(ALICE);
    const first = addTeamMember(caseFile, lineOf(bob));
    const removed = removeTeamMember(caseFile, bob.publicIdentity.fingerprint.toLowerCase().replace(/-/g, ''));
    expect(removed.id).toBe(first.id);
    expect(removed.deleted_at).not.toBeNull();
    expect(listTeamMembers(caseFile)).toEqual([]);
    expect(teamRosterOf(caseFile).members).toEqual([]);
    expect(caseFile.db.prepare("SELECT reason FROM record_history WHERE record_id = ?").pluck().all(first.id)).toEqual(['delete']);
    expect(() => removeTeamMember(caseFile, bob.publicIdentity.fingerprint)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const again = addTeamMember(caseFile, lineOf(bob));
    expect(again.id).not.toBe(first.id);
    expect(caseFile.db.prepare("SELECT count(*) FROM audit_entry WHERE record_kind = 'team_member'").pluck().get()).toBe(3);
  });

  it('refuses to trust a row edited outside Dossier (keys no longer match the fingerprint)', () => {
    const caseFile = newTestCase(ALICE);
    const row = addTeamMember(caseFile, lineOf(bob));
    caseFile.db.prepare('UPDATE team_member SET age_recipient = ? WHERE id = ?').run(carol.publicIdentity.ageRecipient, row.id);
    expect(() => teamRosterOf(caseFile)).toThrow(expect.objectContaining({ code: 'ROSTER_INVALID' }));
  });

  it('merges with the case: members added on either copy are on both; the same key added twice stays once', () => {
    const a = newTestCase(ALICE);
    addTeamMember(a, lineOf(alice));
    closeCaseFile(a);
    const bPath = path.join(tempDir(), 'bob.dossier');
    fs.copyFileSync(a.path, bPath);
    const aa = track(openCaseFile(a.path, { actor: ALICE }));
    const b = track(openCaseFile(bPath, { actor: BOB }));
    addTeamMember(aa, lineOf(bob));
    addTeamMember(b, lineOf(carol));
    addTeamMember(b, lineOf(bob)); // Bob added himself on his copy meanwhile
    closeCaseFile(b);
    const report = mergeCaseFile(aa, bPath);
    expect(listTeamMembers(aa).map((m) => m.name)).toEqual(['Alice Example', 'Bob Builder', 'Carol Ng']);
    // Carol's key came with the merge: listed, but trusted only once confirmed (issue 10, item 7).
    expect(report.conflicts).toEqual([
      expect.objectContaining({ kind: 'duplicate_team_member', table: 'team_member' }),
      expect.objectContaining({ kind: 'roster_unconfirmed', table: 'team_member' }),
    ]);
    expect(teamRosterOf(aa).members).toHaveLength(2);
    trustTeamMember(aa, carol.publicIdentity.fingerprint);
    expect(teamRosterOf(aa).members).toHaveLength(3);
    expect(verifyAudit(aa.db).ok).toBe(true);
  });

  it('a removal on one copy merges into the other', () => {
    const a = newTestCase(ALICE);
    addTeamMember(a, lineOf(bob));
    closeCaseFile(a);
    const bPath = path.join(tempDir(), 'bob.dossier');
    fs.copyFileSync(a.path, bPath);
    const b = track(openCaseFile(bPath, { actor: BOB }));
    removeTeamMember(b, bob.publicIdentity.fingerprint);
    closeCaseFile(b);
    const aa = track(openCaseFile(a.path, { actor: ALICE }));
    mergeCaseFile(aa, bPath);
    expect(listTeamMembers(aa)).toEqual([]);
  });
});
