import { describe, expect, it } from 'vitest';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { listConflicts } from '../../../src-main/merge/listConflicts';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { resolveConflict } from '../../../src-main/merge/resolveConflict';
import { noteService } from '../../../src-main/notes/noteService';
import { addWebsite } from '../../../src-main/websites/websiteService';
import { ALICE, BOB } from '../../helpers/testCase';
import { copies, errorOf, expectVerified } from './mergeCopies';

/*
 * Merge conflicts are sealed (schema 14): the merge that writes a conflict row and the resolution
 * that closes it seal it, and nothing acts on a row its seal does not vouch for.
 */

function sealsOf(caseFile: CaseFile, id: string): { action: string }[] {
  return caseFile.db
    .prepare("SELECT e.action FROM audit_seal s JOIN audit_entry e USING (chain, seq) WHERE s.record_table = 'merge_conflict' AND s.record_id = ? ORDER BY s.record_hlc")
    .all(id) as { action: string }[];
}

/** Alice and Bob edit one note's body; Alice merges Bob's copy: an edit/edit conflict in Alice's copy. */
function editConflict(): { a: CaseFile; b: CaseFile; noteId: string; conflictId: string } {
  const [a, b] = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]).files as [CaseFile, CaseFile];
  const noteId = a.db.prepare('SELECT id FROM note ORDER BY id LIMIT 1').pluck().get() as string;
  noteService.update(a, noteId, { body: 'Alice wrote this' });
  noteService.update(b, noteId, { body: 'Bob wrote this' });
  mergeCaseFile(a, b.path);
  const [conflict] = listConflicts(a);
  expect(conflict?.kind).toBe('edit_edit');
  return { a, b, noteId, conflictId: conflict!.id };
}

describe('merge conflict seals', () => {
  it('the merge that finds a conflict and the resolution that closes it seal the row; the copy it travels to holds', () => {
    const { a, b, conflictId } = editConflict();
    expect(sealsOf(a, conflictId).map((s) => s.action)).toEqual(['case.merge']);
    expectVerified(a);
    resolveConflict(a, conflictId, 'kept');
    expect(sealsOf(a, conflictId).map((s) => s.action)).toEqual(['case.merge', 'conflict.resolve']);
    expectVerified(a);
    mergeCaseFile(b, a.path);
    expect(listConflicts(b, { includeResolved: true }).map((c) => [c.id, c.resolution])).toEqual([[conflictId, 'kept']]);
    expectVerified(b);
  });

  it('a conflict row changed with sqlite3 is named by check and not resolved', () => {
    const { a, noteId, conflictId } = editConflict();
    a.db.prepare("UPDATE merge_conflict SET lost_value = json_object('body', 'The defendant admitted everything.') WHERE id = ?").run(conflictId);
    expect(verifyRecordSeals(a.db).findings.map((f) => [f.kind, f.table, f.id, f.fields])).toEqual([['record_changed', 'merge_conflict', conflictId, ['lost_value']]]);
    const before = noteService.get(a, noteId).body;
    const refused = errorOf(() => resolveConflict(a, conflictId, 'overwritten'));
    expect(refused.code).toBe('CASE_CHECK_FAILED');
    expect(refused.message).toContain(conflictId);
    expect(noteService.get(a, noteId).body).toBe(before);
  });

  it('a resolution written with sqlite3 is named by check and not taken by a merge', () => {
    const { a, b, conflictId } = editConflict();
    a.db.prepare("UPDATE merge_conflict SET resolution = 'acknowledged', resolved_at = '2026-12-08T00:00:00.000Z', resolved_by = 'Alice' WHERE id = ?").run(conflictId);
    expect(verifyRecordSeals(a.db).findings.map((f) => [f.table, f.id])).toEqual([['merge_conflict', conflictId]]);
    const refused = errorOf(() => mergeCaseFile(b, a.path));
    expect(refused.code).toBe('RECORDS_ALTERED');
    expect(listConflicts(b)).toEqual([]);
    expect(b.db.prepare('SELECT count(*) FROM merge_conflict').pluck().get()).toBe(0);
  });

  it('a duplicate resolution put in behind the app\'s back does not choose which row stays', () => {
    const [a, b] = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]).files as [CaseFile, CaseFile];
    const alices = addWebsite(a, { input: 'evil-shop.example' }).id;
    const bobs = addWebsite(b, { input: 'evil-shop.example' }).id;
    // The merge would keep the smaller id; the forged resolution in Bob's copy names the larger one.
    const [smaller, larger] = [alices, bobs].sort();
    const forged = '0123456789abcdef0123456789abcdef';
    b.db.prepare(
      `INSERT INTO merge_conflict (id, kind, record_table, record_id, other_record_id, fields, kept_value, lost_value, kept_hlc, kept_by, kept_at,
         resolution, resolved_value, resolved_at, resolved_by, hlc)
       VALUES (?, 'duplicate', 'website', ?, ?, '["host_ascii"]', '{}', '{}', '1', 'Alice', '2026-12-08T00:00:00.000Z',
         'restored', json_object('survivor', ?, 'tombstoned', ?), '2026-12-08T00:00:00.000Z', 'Bob', '9')`,
    ).run(forged, smaller, larger, larger, smaller);
    const refused = errorOf(() => mergeCaseFile(b, a.path));
    expect(refused.code).toBe('CASE_CHECK_FAILED');
    expect(refused.message).toContain(forged);
    expect(b.db.prepare("SELECT id FROM website WHERE host_ascii = 'evil-shop.example' AND deleted_at IS NULL").pluck().all()).toEqual([bobs]);
  });
});
