import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import type { Actor } from '../../../src-main/casefile/Actor';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { getEvidence } from '../../../src-main/evidence/evidenceService';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { renumberExhibit } from '../../../src-main/evidence/renumberExhibit';
import { listConflicts } from '../../../src-main/merge/listConflicts';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { resolveConflict } from '../../../src-main/merge/resolveConflict';
import { noteService } from '../../../src-main/notes/noteService';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';
import { errorOf } from './mergeCopies';

function expectVerified(caseFile: CaseFile): void {
  expect(verifyAudit(caseFile.db).firstBreak).toBeNull();
  expect(verifyRecordSeals(caseFile.db).findings).toEqual([]);
}

/** Alice's case and Bob's copy of it; Bob's clock a minute ahead so his edits are the later ones. */
function aliceAndBob(): { a: CaseFile; b: CaseFile; dir: string; noteId: string } {
  const base = newTestCase(ALICE);
  const note = noteService.create(base, { title: 'Seizure plan', body: 'v1' });
  closeCaseFile(base);
  const dir = path.dirname(base.path);
  const open = (name: string, actor: Actor, skew: number) => {
    const file = path.join(dir, name);
    fs.copyFileSync(base.path, file);
    return track(openCaseFile(file, { actor, wallClock: () => Date.now() + skew }));
  };
  return { a: open('a.dossier', ALICE, 0), b: open('b.dossier', BOB, 60_000), dir, noteId: note.id };
}

describe('resolving conflicts', () => {
  it('--keep mine writes back the overwritten value; the resolution travels and the seals hold', () => {
    const { a, b, noteId } = aliceAndBob();
    noteService.update(a, noteId, { body: 'Alice: registrar first' });
    noteService.update(b, noteId, { body: 'Bob: registry first' });
    mergeCaseFile(a, b.path);
    expect(noteService.get(a, noteId).body).toBe('Bob: registry first');
    const [conflict] = listConflicts(a);
    expect(conflict).toMatchObject({ kind: 'edit_edit', lost_value: { body: 'Alice: registrar first' }, lost_by: ALICE.name });
    expect(conflict!.summary).toContain('Alice: registrar first');

    const resolved = resolveConflict(a, conflict!.id, 'mine');
    expect(resolved).toMatchObject({ resolution: 'restored', resolved_by: ALICE.name });
    expect(noteService.get(a, noteId).body).toBe('Alice: registrar first');
    expect(listConflicts(a)).toEqual([]);
    expect(errorOf(() => resolveConflict(a, conflict!.id, 'mine')).code).toBe('INVALID_REQUEST');
    expectVerified(a);

    mergeCaseFile(b, a.path);
    expect(noteService.get(b, noteId).body).toBe('Alice: registrar first');
    expect(listConflicts(b)).toEqual([]);
    expect(listConflicts(b, { includeResolved: true }).map((c) => c.resolution)).toEqual(['restored']);
    expectVerified(b);
  });

  it('--keep VALUE sets a third value; theirs keeps the current one; unknown ids are NOT_FOUND', () => {
    const { a, b, noteId } = aliceAndBob();
    noteService.update(a, noteId, { title: 'Alice title' });
    noteService.update(b, noteId, { title: 'Bob title' });
    mergeCaseFile(a, b.path);
    const [conflict] = listConflicts(a);
    expect(resolveConflict(a, conflict!.id, 'Agreed title').resolution).toBe('value');
    expect(noteService.get(a, noteId).title).toBe('Agreed title');
    expect(errorOf(() => resolveConflict(a, 'nope', 'mine')).code).toBe('NOT_FOUND');

    noteService.update(a, noteId, { body: 'Alice again' });
    noteService.update(b, noteId, { body: 'Bob again' });
    mergeCaseFile(a, b.path);
    const open = listConflicts(a);
    expect(open).toHaveLength(1);
    expect(resolveConflict(a, open[0]!.id, 'theirs').resolution).toBe('kept');
    expect(noteService.get(a, noteId).body).toBe('Bob again');
    expectVerified(a);
  });

  it('a delete against an edit: keeping the edit restores the record', () => {
    const { a, b, noteId } = aliceAndBob();
    noteService.update(a, noteId, { body: 'Alice kept working' });
    noteService.remove(b, noteId);
    mergeCaseFile(a, b.path);
    expect(noteService.list(a).items).toEqual([]);
    const [conflict] = listConflicts(a);
    expect(conflict!.kind).toBe('delete_edit');
    expect(conflict!.summary).toMatch(/the deletion is kept\.$/);
    const resolved = resolveConflict(a, conflict!.id, 'mine');
    expect(noteService.get(a, noteId).body).toBe('Alice kept working');
    // Its summary now says what the resolution did (it still said "the deletion is kept").
    expect(resolved.summary).not.toMatch(/the deletion is kept/);
    expect(resolved.summary).toMatch(/the edit was restored by Alice/);
    expectVerified(a);
  });

  it('renumbers exhibits (audited; a taken number refused) and flags a clash and identical bytes after a merge', async () => {
    const { a, b, dir } = aliceAndBob();
    const same = path.join(dir, 'same.txt');
    fs.writeFileSync(same, 'the same screenshot text on both laptops\n');
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, 'only Bob has this log\n');
    const mine = (await importEvidence(a, [same], { title: 'Shop page' })).items[0]!.evidence;
    const bobsSame = (await importEvidence(b, [same], { title: 'Shop page (Bob)' })).items[0]!.evidence;
    const bobsOther = (await importEvidence(b, [other], { title: 'Access log' })).items[0]!.evidence;
    mergeCaseFile(a, b.path);
    const kinds = listConflicts(a).map((c) => c.kind).sort();
    expect(kinds).toEqual(['exhibit_number', 'same_content']);
    const clash = listConflicts(a).find((c) => c.kind === 'exhibit_number')!;
    expect([clash.record_id, clash.other_record_id].sort()).toEqual([mine.id, bobsSame.id].sort());
    expect(clash.proposal).toContain('to 3');

    const taken = errorOf(() => renumberExhibit(a, clash.other_record_id!, 2));
    expect(taken.code).toBe('EXHIBIT_NUMBER_TAKEN');
    expect(taken.message).toContain(bobsOther.id);
    expect(taken.message).toContain('3 is free');
    expect(errorOf(() => renumberExhibit(a, mine.id, 0)).code).toBe('INVALID_REQUEST');

    const moved = renumberExhibit(a, clash.other_record_id!, 3);
    expect(moved).toMatchObject({ exhibit_number: 3, exhibit_label: 'Exhibit 3' });
    expect(getEvidence(a, clash.record_id).exhibit_number).toBe(1);
    expect(a.db.prepare("SELECT count(*) FROM audit_entry WHERE action = 'evidence.renumber'").pluck().get()).toBe(1);
    // Renumbered by hand: resolving the clash now only acknowledges it.
    expect(resolveConflict(a, clash.id, 'mine').resolution).toBe('acknowledged');
    const dup = listConflicts(a).find((c) => c.kind === 'same_content')!;
    expect(resolveConflict(a, dup.id, 'theirs').resolution).toBe('acknowledged');
    expect(listConflicts(a)).toEqual([]);
    expectVerified(a);
  });

  it('resolving an exhibit clash renumbers the other exhibit to the proposed number', async () => {
    const { a, b, dir } = aliceAndBob();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Alice exhibit\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Bob exhibit\n');
    await importEvidence(a, [path.join(dir, 'a.txt')], { title: 'Alice exhibit' });
    const bobs = (await importEvidence(b, [path.join(dir, 'b.txt')], { title: 'Bob exhibit' })).items[0]!.evidence;
    mergeCaseFile(a, b.path);
    const clash = listConflicts(a)[0]!;
    // Alice created hers first, so it keeps number 1; keeping "mine" moves Bob's.
    expect(resolveConflict(a, clash.id, 'mine').resolved_value).toEqual({ renumbered: bobs.id, exhibit_number: 2 });
    expect(getEvidence(a, bobs.id).exhibit_number).toBe(2);
    expectVerified(a);
  });

  it('an exhibit clash is resolved by the id of the exhibit that keeps its number, by someone who added neither', async () => {
    const { a, b, dir } = aliceAndBob();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Alice exhibit\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Bob exhibit\n');
    const alices = (await importEvidence(a, [path.join(dir, 'a.txt')], { title: 'Alice exhibit' })).items[0]!.evidence;
    const bobs = (await importEvidence(b, [path.join(dir, 'b.txt')], { title: 'Bob exhibit' })).items[0]!.evidence;
    mergeCaseFile(a, b.path);
    closeCaseFile(a);
    const carol = track(openCaseFile(a.path, { actor: { name: 'Carol Analyst', device: 'carol-tablet' } }));
    const clash = listConflicts(carol)[0]!;
    expect(clash.mineTellsApart).toBe(false);
    expect(clash.resolveWith).toContain(`--keep ${clash.record_id}|${clash.other_record_id}|NUMBER`);
    expect(errorOf(() => resolveConflict(carol, clash.id, 'mine')).message).toContain(`--keep ${clash.record_id} or --keep ${clash.other_record_id}`);
    // Bob's exhibit keeps number 1; Alice's moves to the next free number.
    expect(resolveConflict(carol, clash.id, bobs.id).resolved_value).toEqual({ renumbered: alices.id, exhibit_number: 2 });
    expect(getEvidence(carol, bobs.id).exhibit_number).toBe(1);
    expectVerified(carol);
  });
});
