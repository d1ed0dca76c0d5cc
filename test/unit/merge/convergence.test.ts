import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { linkRecords, unlinkRecords } from '../../../src-main/links/linkService';
import { listConflicts } from '../../../src-main/merge/listConflicts';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { exportCasePacket } from '../../../src-main/packet/exportCasePacket';
import { getFilingCaption, updateFilingCaption } from '../../../src-main/packet/filingCaption';
import { addTeamMember, removeTeamMember } from '../../../src-main/share/teamRosterService';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { addWebsite } from '../../../src-main/websites/websiteService';
import { ALICE, BOB } from '../../helpers/testCase';
import { CAROL, codeOf, copies, expectVerified, fileHash, records, reopen } from './mergeCopies';
import { lineOf } from '../share/teamFixtures';

describe('merges that converge (issue 17)', () => {
  it('a teammate removed after a duplicate was settled is removed on every copy', async () => {
    const dave = await generateUserIdentity('Dave Example');
    const [a, b] = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]).files as [CaseFile, CaseFile];
    addTeamMember(a, lineOf(dave));
    addTeamMember(b, lineOf(dave));
    mergeCaseFile(a, b.path);
    removeTeamMember(a, dave.publicIdentity.fingerprint);
    mergeCaseFile(b, a.path);
    const live = (c: CaseFile) => c.db.prepare('SELECT id FROM team_member WHERE fingerprint = ? AND deleted_at IS NULL').all(dave.publicIdentity.fingerprint);
    expect(live(a)).toEqual([]);
    expect(live(b)).toEqual([]);
    mergeCaseFile(a, b.path);
    expect(records(b)).toEqual(records(a));
    expectVerified(a);
    expectVerified(b);
  });

  it('merging A then B gives what merging B then A gives (links settled as duplicates, then removed)', () => {
    const [a, b, c1, c2] = copies([
      { name: 'a.dossier', actor: ALICE },
      { name: 'b.dossier', actor: BOB },
      { name: 'c1.dossier', actor: CAROL },
      { name: 'c2.dossier', actor: CAROL },
    ]).files as [CaseFile, CaseFile, CaseFile, CaseFile];
    const note = noteService.list(a).items.find((n) => n.title === 'Shared note')!;
    const siteId = a.db.prepare('SELECT id FROM website').pluck().get() as string;
    const linkA = linkRecords(a, { from_id: note.id, to_id: siteId, relation: 'about' });
    linkRecords(b, { from_id: note.id, to_id: siteId, relation: 'about' });
    addWebsite(a, { input: 'nonecaptcha.com' });
    addWebsite(b, { input: 'nonecaptcha.com' });
    mergeCaseFile(a, b.path);
    unlinkRecords(a, linkA.id);
    mergeCaseFile(c1, a.path);
    mergeCaseFile(c1, b.path);
    mergeCaseFile(c2, b.path);
    mergeCaseFile(c2, a.path);
    expect(c2.db.prepare('SELECT count(*) FROM link WHERE deleted_at IS NULL').pluck().get()).toBe(0);
    expect(records(c2)).toEqual(records(c1));
    expectVerified(c1);
    expectVerified(c2);
  });

  it('tells the person whose value lost on the return merge, and keeps the conflict until resolved', () => {
    const now = Date.now();
    const [a, b] = copies([
      { name: 'a.dossier', actor: ALICE, wallClock: () => now + 60_000 },
      { name: 'b.dossier', actor: BOB, wallClock: () => now },
    ]).files as [CaseFile, CaseFile];
    const shared = noteService.list(a).items.find((n) => n.title === 'Shared note')!;
    const second = noteService.list(a).items.find((n) => n.title === 'Second note')!;
    noteService.update(b, shared.id, { body: 'Bob body' });
    noteService.update(a, shared.id, { body: 'Alice body' });
    noteService.update(b, second.id, { body: 'Bob kept working on it' });
    noteService.remove(a, second.id);

    const first = mergeCaseFile(a, b.path);
    expect(first.conflicts.map((c) => c.kind).sort()).toEqual(['concurrent_edit', 'delete_edit']);
    const back = mergeCaseFile(b, a.path);
    // Bob's body was overwritten on Bob's copy: his merge says so.
    expect(back.conflicts.map((c) => [c.kind, c.record_id]).sort()).toEqual([['concurrent_edit', shared.id], ['delete_edit', second.id]].sort());
    expect(noteService.get(b, shared.id).body).toBe('Alice body');
    const listed = listConflicts(b);
    const edit = listed.find((c) => c.record_id === shared.id)!;
    expect(edit).toMatchObject({ kind: 'edit_edit', fields: ['body'], kept_value: { body: 'Alice body' }, lost_value: { body: 'Bob body' }, kept_by: ALICE.name, lost_by: BOB.name, resolution: null });
    expect(listConflicts(a).map((c) => c.id).sort()).toEqual(listed.map((c) => c.id).sort());
    // Merging again reports nothing new, and the conflicts stay until resolved.
    expect(mergeCaseFile(a, b.path).conflicts).toEqual([]);
    expect(listConflicts(a)).toHaveLength(2);
    expectVerified(a);
    expectVerified(b);
  });

  it("keeps a person's own latest edit latest when their clock is behind the file's stamps", () => {
    // Bob's clock runs 4 minutes ahead (within the bound): once his edit is merged, Alice's
    // clock is behind the newest stamp in her file, and stays so across sessions.
    const [a, b, c] = copies([
      { name: 'a.dossier', actor: ALICE },
      { name: 'b.dossier', actor: BOB },
      { name: 'c.dossier', actor: CAROL },
    ]).files as [CaseFile, CaseFile, CaseFile];
    const note = noteService.list(a).items.find((n) => n.title === 'Shared note')!;
    // Bob's whole machine (record stamps and audit times) runs 4 minutes ahead.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 4 * 60_000);
      noteService.update(b, note.id, { body: 'Bob body' });
    } finally {
      vi.useRealTimers();
    }
    mergeCaseFile(a, b.path);
    let alice = a;
    const stamps: string[] = [];
    for (let i = 1; i <= 4; i += 1) {
      stamps.push(noteService.update(alice, note.id, { title: `Alice v${i}` }).hlc);
      stamps.push(noteService.update(alice, note.id, { title: `Alice v${i}.1` }).hlc);
      alice = reopen(alice, ALICE);
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    mergeCaseFile(c, alice.path);
    expect(noteService.get(c, note.id).title).toBe('Alice v4.1');
  });

  it('refuses a copy stamped in 2030, naming it and its clock, and changes nothing', () => {
    const [a, b] = copies([
      { name: 'a.dossier', actor: ALICE },
      { name: 'b.dossier', actor: BOB, wallClock: () => Date.parse('2030-01-01T00:00:00Z') },
    ]).files as [CaseFile, CaseFile];
    noteService.create(b, { title: 'Written in the future', body: '' });
    const before = fileHash(a.path);
    let error: DossierError | undefined;
    try {
      mergeCaseFile(a, b.path);
    } catch (e) {
      error = e as DossierError;
    }
    expect(error?.code).toBe('CLOCK_AHEAD');
    expect(error?.message).toContain(b.path);
    expect(error?.message).toContain('2030-01-01');
    expect(fileHash(a.path)).toBe(before);
    expect(noteService.create(a, { title: 'after', body: '' }).hlc < '1893456000000').toBe(true);
  });

  it('settles: merging back and forth ends "already up to date", writing nothing', () => {
    const [a, b] = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]).files as [CaseFile, CaseFile];
    const note = noteService.list(a).items[0]!;
    noteService.update(a, note.id, { title: 'Alice' });
    noteService.update(b, note.id, { body: 'Bob' });
    noteService.create(b, { title: 'Bob new', body: '' });
    let settled = -1;
    for (let round = 0; round < 4 && settled < 0; round += 1) {
      const ab = mergeCaseFile(a, b.path);
      const ba = mergeCaseFile(b, a.path);
      if (ab.unchanged && ba.unchanged) settled = round;
    }
    expect(settled).toBeGreaterThanOrEqual(0);
    expect(settled).toBeLessThanOrEqual(2);
    const [hashA, hashB] = [fileHash(a.path), fileHash(b.path)];
    const auditCount = a.db.prepare('SELECT count(*) FROM audit_entry').pluck().get();
    expect(mergeCaseFile(a, b.path).unchanged).toBe(true);
    expect(mergeCaseFile(b, a.path).unchanged).toBe(true);
    expect([fileHash(a.path), fileHash(b.path)]).toEqual([hashA, hashB]);
    expect(a.db.prepare('SELECT count(*) FROM audit_entry').pluck().get()).toBe(auditCount);
    expect(records(a)).toEqual(records(b));
  });

  it('brings packet exports and their Bates ranges with the merge', async () => {
    const { files, dir } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    const text = path.join(dir, 'chat.txt');
    fs.writeFileSync(text, 'seller: payment to wallet bc1q...\n');
    await importEvidence(b, [text], { title: 'Chat log' });
    await exportCasePacket(b, path.join(dir, 'packet.pdf'), { date: '2024-09-03', sections: ['exhibits'], profile: 'generic-50mb' });
    const packets = (c: CaseFile) => c.db.prepare('SELECT id, bates_first, bates_last FROM packet_export').all();
    expect(packets(b)).toHaveLength(1);
    const report = mergeCaseFile(a, b.path);
    expect(report.appended.packet_export).toBe(1);
    expect(packets(a)).toEqual(packets(b));
    expect(a.db.prepare('SELECT * FROM packet_exhibit').all()).toEqual(b.db.prepare('SELECT * FROM packet_exhibit').all());
    // The production behind it (its frozen Bates range and input) travels too, so either copy can re-export it.
    const productions = (c: CaseFile) => c.db.prepare('SELECT id, bates_prefix, bates_first, bates_last, frozen_input FROM production').all();
    expect(productions(b)).toHaveLength(1);
    expect(report.appended.production).toBe(1);
    expect(productions(a)).toEqual(productions(b));
    expectVerified(a);
  });

  it('the filing caption travels: the later one wins whole, the overwritten side is told, and merges settle', () => {
    const { files } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    updateFilingCaption(a, { court: 'United States District Court\nSouthern District of New York', parties: [{ role: 'plaintiff', name: 'MICROSOFT CORPORATION' }] });
    expect(mergeCaseFile(b, a.path).updated.filing_caption).toBe(1);
    expect(getFilingCaption(b)).toEqual(getFilingCaption(a));
    expect(mergeCaseFile(b, a.path).unchanged).toBe(true);
    // Both change it before meeting again: Bob's is later and wins on both copies, Alice is told.
    updateFilingCaption(a, { judge: 'Hon. A. Judge' });
    updateFilingCaption(b, { judge: 'Hon. Paul A. Engelmayer', judgeInitials: 'PAE' });
    const report = mergeCaseFile(a, b.path);
    expect(getFilingCaption(a)).toEqual(getFilingCaption(b));
    expect(getFilingCaption(a).judge).toBe('Hon. Paul A. Engelmayer');
    expect(report.conflicts.find((c) => c.table === 'filing_caption')?.message).toMatch(/judge, judge_initials\), later, by Bob/);
    expect(mergeCaseFile(b, a.path).updated.filing_caption).toBe(0);
    expect(a.db.prepare('SELECT count(*) FROM filing_caption').pluck().get()).toBe(1);
    expectVerified(a);
  });

  it('refuses by name a copy whose table was altered outside Dossier, and merges nothing', () => {
    const { files } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    noteService.create(b, { title: 'Brought by the altered copy', body: '' });
    closeCaseFile(b);
    const altered = new Database(b.path);
    altered.exec('ALTER TABLE redaction DROP COLUMN reason');
    altered.close();
    const before = noteService.list(a).items.length;
    let error: unknown;
    try {
      mergeCaseFile(a, b.path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe('CASE_FILE_CORRUPT');
    expect((error as DossierError).message).toMatch(/redaction table lacks reason.*Nothing was merged/);
    expect(noteService.list(a).items.length).toBe(before);
  });

  it('a copy restored from a backup over the original continues on a new chain and still merges', () => {
    const { files, dir } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    let [a, b] = files as [CaseFile, CaseFile];
    noteService.create(a, { title: 'before the backup', body: '' });
    closeCaseFile(a);
    const backup = path.join(dir, 'a.backup.dossier');
    fs.copyFileSync(a.path, backup);
    a = reopen(a, ALICE);
    noteService.create(a, { title: 'after the backup', body: '' });
    closeCaseFile(a);
    mergeCaseFile(b, a.path);
    const inode = fs.statSync(a.path).ino;
    fs.copyFileSync(backup, a.path);
    expect(fs.statSync(a.path).ino).toBe(inode);
    a = reopen(a, ALICE);
    noteService.create(a, { title: 'after the restore', body: '' });
    expect(codeOf(() => mergeCaseFile(a, b.path))).toBe('done');
    expect(a.db.prepare("SELECT count(*) FROM audit_entry WHERE action = 'case.restored'").pluck().get()).toBe(1);
    expect(noteService.list(a).items.map((n) => n.title).sort()).toEqual(['Second note', 'Shared note', 'after the backup', 'after the restore', 'before the backup']);
    expectVerified(a);
    b = reopen(b, BOB);
    expect(codeOf(() => mergeCaseFile(b, a.path))).toBe('done');
    expectVerified(b);
    expect(records(b)).toEqual(records(a));
  });

  it('merges field by field: concurrent edits of different fields both survive; the same field is a conflict', () => {
    const now = Date.now();
    const [a, b] = copies([
      { name: 'a.dossier', actor: ALICE, wallClock: () => now },
      { name: 'b.dossier', actor: BOB, wallClock: () => now + 60_000 },
    ]).files as [CaseFile, CaseFile];
    const note = noteService.list(a).items.find((n) => n.title === 'Shared note')!;
    noteService.update(a, note.id, { title: 'Alice title' });
    noteService.update(a, note.id, { body: 'Alice body' });
    noteService.update(b, note.id, { body: 'Bob body' });
    const ab = mergeCaseFile(a, b.path);
    const ba = mergeCaseFile(b, a.path);
    // Bob's body is the later change of the body; Alice's title the only change of the title.
    for (const c of [a, b]) expect(noteService.get(c, note.id)).toMatchObject({ title: 'Alice title', body: 'Bob body' });
    expect(ab.conflicts.map((c) => c.kind)).toEqual(['concurrent_edit']);
    expect(listConflicts(a)).toEqual([expect.objectContaining({ fields: ['body'], kept_value: { body: 'Bob body' }, lost_value: { body: 'Alice body' } })]);
    expect(ba.conflicts.map((c) => c.conflict_id)).toEqual(ab.conflicts.map((c) => c.conflict_id));
    expect(records(a)).toEqual(records(b));
    const history = a.db.prepare('SELECT version_json FROM record_history WHERE record_id = ?').pluck().all(note.id) as string[];
    expect(history.map((h) => JSON.parse(h).body)).toEqual(expect.arrayContaining(['Alice body', 'Bob body']));
    expectVerified(a);
    expectVerified(b);
  });

  it('merges a copy of the previous schema version (7)', () => {
    const { files } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    noteService.create(b, { title: 'Written before the upgrade', body: '' });
    closeCaseFile(b);
    // Schema 7 is the latest without what 0080 and later add: the conflicts and field-stamp tables and
    // triggers (0080), productions and the filing caption (0090), redactions (0100).
    const old = openCaseFile(b.path, { actor: BOB });
    const triggers = old.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_field_stamps'").pluck().all() as string[];
    expect(triggers).toHaveLength(8);
    old.db.exec(
      `${triggers.map((t) => `DROP TRIGGER ${t};`).join(' ')} DROP TABLE merge_conflict; DROP TABLE field_stamp;
       DROP TABLE production; DROP TABLE filing_caption; DROP TABLE redaction; PRAGMA user_version = 7;`,
    );
    closeCaseFile(old);
    const report = mergeCaseFile(a, b.path);
    expect(report.inserted.note).toBe(1);
    expect(noteService.list(a).items.map((n) => n.title)).toContain('Written before the upgrade');
    expect(codeOf(() => mergeCaseFile(a, b.path))).toBe('done');
    expectVerified(a);
  });
});
