import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { addWebsite } from '../../../src-main/websites/websiteService';
import { ALICE, BOB } from '../../helpers/testCase';
import { CAROL, copies, expectVerified, fileHash, records } from './mergeCopies';

function auditEntries(caseFile: CaseFile): unknown[] {
  return caseFile.db.prepare('SELECT chain, seq, hash FROM audit_entry ORDER BY chain, seq').all();
}

describe('two copies that merged the same thing (issue 17: merge entries settle)', () => {
  it('Alice and Bob both merge Carol\'s copy; exchanging afterwards adds no merge entry and ends byte-stable', () => {
    const [a, b, c] = copies([
      { name: 'a.dossier', actor: ALICE },
      { name: 'b.dossier', actor: BOB },
      { name: 'c.dossier', actor: CAROL },
    ]).files as [CaseFile, CaseFile, CaseFile];
    noteService.create(c, { title: 'Carol found the registrar', body: '' });
    addWebsite(c, { input: 'carol-found.example' });
    mergeCaseFile(a, c.path);
    mergeCaseFile(b, c.path);
    const merges = (x: CaseFile) => x.db.prepare("SELECT count(*) FROM audit_entry WHERE action = 'case.merge'").pluck().get() as number;
    expect([merges(a), merges(b)]).toEqual([1, 1]);
    expect(records(a)).toEqual(records(b));
    // Each holds a merge entry the other lacks; the records agree, so copying them is all there is to do.
    const ab = mergeCaseFile(a, b.path);
    const ba = mergeCaseFile(b, a.path);
    expect([merges(a), merges(b)]).toEqual([2, 2]);
    expect(ab.appended.audit_entry).toBeGreaterThan(0);
    expect(ba.appended.audit_entry).toBeGreaterThan(0);
    expect(auditEntries(a)).toEqual(auditEntries(b));
    for (const [x, y] of [[a, b], [b, a], [a, c], [c, a], [b, c], [c, b]] as const) mergeCaseFile(x, y.path);
    const [hashA, hashB] = [fileHash(a.path), fileHash(b.path)];
    for (const [x, y] of [[a, b], [b, a], [a, c], [c, a], [b, c], [c, b]] as const) expect(mergeCaseFile(x, y.path).unchanged).toBe(true);
    expect([merges(a), merges(b), merges(c)]).toEqual([2, 2, 2]);
    expect(auditEntries(c)).toEqual(auditEntries(a));
    expect([fileHash(a.path), fileHash(b.path)]).toEqual([hashA, hashB]);
    for (const x of [a, b, c]) expectVerified(x);
  });
});
