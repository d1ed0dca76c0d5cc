import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { listConflicts } from '../../../src-main/merge/listConflicts';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { resolveConflict } from '../../../src-main/merge/resolveConflict';
import { addWebsite } from '../../../src-main/websites/websiteService';
import { ALICE, BOB } from '../../helpers/testCase';
import { CAROL, copies, expectVerified, records } from './mergeCopies';

interface Site {
  id: string;
  created_by: string;
  deleted_at: string | null;
}

function sites(caseFile: CaseFile): Site[] {
  return caseFile.db.prepare("SELECT id, created_by, deleted_at FROM website WHERE host_ascii = 'evil-shop.example' ORDER BY id").all() as Site[];
}

/** Alice and Bob each add the same domain; Alice merges Bob's copy: a duplicate, settled by id. */
function duplicateDomain(): { a: CaseFile; b: CaseFile; c: CaseFile; alices: string; bobs: string; conflictId: string } {
  const [a, b, c] = copies([
    { name: 'a.dossier', actor: ALICE },
    { name: 'b.dossier', actor: BOB },
    { name: 'c.dossier', actor: CAROL },
  ]).files as [CaseFile, CaseFile, CaseFile];
  const alices = addWebsite(a, { input: 'evil-shop.example' }).id;
  const bobs = addWebsite(b, { input: 'evil-shop.example' }).id;
  mergeCaseFile(a, b.path);
  const [conflict] = listConflicts(a).filter((x) => x.kind === 'duplicate');
  expect(conflict).toBeDefined();
  expect(sites(a).filter((s) => s.deleted_at === null).map((s) => s.id)).toEqual([alices < bobs ? alices : bobs]);
  return { a, b, c, alices, bobs, conflictId: conflict!.id };
}

function liveIds(caseFile: CaseFile): string[] {
  return sites(caseFile).filter((s) => s.deleted_at === null).map((s) => s.id);
}

/** Every copy merged with every other until nothing changes; each merge direction once per round. */
function exchange(files: readonly CaseFile[]): void {
  for (let round = 0; round < 3; round += 1) {
    for (const x of files) for (const y of files) if (x !== y) mergeCaseFile(x, y.path);
  }
  for (const x of files) for (const y of files) if (x !== y) expect(mergeCaseFile(x, y.path).unchanged).toBe(true);
}

describe('resolving a duplicate (issue 17)', () => {
  for (const keep of ['mine', 'theirs'] as const) {
    it(`--keep ${keep} chooses which row survives, audited, and every copy ends the same after merges`, () => {
      const { a, b, c, alices, bobs, conflictId } = duplicateDomain();
      const survivor = keep === 'mine' ? alices : bobs;
      const dropped = keep === 'mine' ? bobs : alices;
      const resolved = resolveConflict(a, conflictId, keep);
      expect(resolved.resolved_value).toEqual({ survivor, tombstoned: dropped });
      expect(liveIds(a)).toEqual([survivor]);
      expect(a.db.prepare("SELECT detail FROM audit_entry WHERE action = 'conflict.resolve'").pluck().all().map((d) => JSON.parse(d as string))).toEqual([
        expect.objectContaining({ conflict: conflictId, kind: 'duplicate', keep }),
      ]);
      expectVerified(a);
      // Bob's copy still holds the pair settled by id, live for the row by the smaller id.
      mergeCaseFile(b, a.path);
      expect(liveIds(b)).toEqual([survivor]);
      // Carol never saw either row: she gets the pair and the resolution at once, in both orders.
      exchange([a, b, c]);
      for (const x of [a, b, c]) {
        expect(liveIds(x)).toEqual([survivor]);
        expect(listConflicts(x)).toEqual([]);
        expectVerified(x);
      }
      expect(records(b)).toEqual(records(a));
      expect(records(c)).toEqual(records(a));
    });
  }

  it('the copy that found the duplicate and the one whose row was chosen meet in any order: Carol merges the resolved copy before Bob\'s', () => {
    const { a, b, c, bobs, conflictId } = duplicateDomain();
    resolveConflict(a, conflictId, 'theirs');
    mergeCaseFile(c, a.path);
    mergeCaseFile(c, b.path);
    expect(liveIds(c)).toEqual([bobs]);
    mergeCaseFile(b, c.path);
    expect(liveIds(b)).toEqual([bobs]);
    exchange([a, b, c]);
    expect(records(c)).toEqual(records(a));
  });

  it('Bob keeps his own (the larger id) on his copy, where his row comes first: the merge into Alice\'s copy keeps it, never both tombstoned', () => {
    const { a, b, c, alices, bobs } = duplicateDomain();
    expect(alices < bobs).toBe(true);
    mergeCaseFile(b, a.path);
    const [conflict] = listConflicts(b).filter((x) => x.kind === 'duplicate');
    expect(resolveConflict(b, conflict!.id, 'mine').resolved_value).toEqual({ survivor: bobs, tombstoned: alices });
    // In Bob's table his row precedes Alice's: it reaches Alice's copy while hers is still live there.
    expect(b.db.prepare("SELECT id FROM website WHERE host_ascii = 'evil-shop.example' ORDER BY rowid").pluck().all()).toEqual([bobs, alices]);
    mergeCaseFile(a, b.path);
    expect(liveIds(a)).toEqual([bobs]);
    exchange([a, b, c]);
    for (const x of [a, b, c]) expect(liveIds(x)).toEqual([bobs]);
    expect(records(c)).toEqual(records(a));
    expect(records(b)).toEqual(records(a));
  });

  it("Alice keeps her own row (the larger id) and Bob merges her copy, which he never merged before: no edit conflict on his row, which only her resolution deleted", () => {
    const [a, b] = copies([
      { name: 'a.dossier', actor: ALICE },
      { name: 'b.dossier', actor: BOB },
    ]).files as [CaseFile, CaseFile];
    // Bob adds the domain first: his row has the smaller id, which a merge keeps unless someone chooses.
    const bobs = addWebsite(b, { input: 'evil-shop.example' }).id;
    const alices = addWebsite(a, { input: 'evil-shop.example' }).id;
    expect(bobs < alices).toBe(true);
    mergeCaseFile(a, b.path);
    const [dup] = listConflicts(a).filter((x) => x.kind === 'duplicate');
    expect(resolveConflict(a, dup!.id, 'mine').resolved_value).toEqual({ survivor: alices, tombstoned: bobs });
    // Alice's restored row comes first in her table: Bob's copy settles the pair by her choice,
    // then meets her resolution's own deletion of his row. Two deletions of one row, no edit by Bob.
    const report = mergeCaseFile(b, a.path);
    expect(report.conflicts.filter((c) => c.kind !== 'duplicate_domain')).toEqual([]);
    expect(listConflicts(b, { includeResolved: true }).map((c) => c.kind)).toEqual(['duplicate']);
    expect(liveIds(b)).toEqual([alices]);
    mergeCaseFile(a, b.path);
    expect(listConflicts(a, { includeResolved: true }).map((c) => c.kind)).toEqual(['duplicate']);
    exchange([a, b]);
    for (const x of [a, b]) expect(listConflicts(x, { includeResolved: true }).map((c) => c.kind)).toEqual(['duplicate']);
    expect(records(b)).toEqual(records(a));
    expectVerified(a);
    expectVerified(b);
  });

  it('a value that is neither row is refused by name; the id of a row is accepted', () => {
    const { a, bobs, conflictId } = duplicateDomain();
    expect(() => resolveConflict(a, conflictId, 'evil-shop.example')).toThrow(/--keep mine, --keep theirs, or --keep/);
    expect(resolveConflict(a, conflictId, bobs).resolved_value).toMatchObject({ survivor: bobs });
    expect(liveIds(a)).toEqual([bobs]);
  });
});
