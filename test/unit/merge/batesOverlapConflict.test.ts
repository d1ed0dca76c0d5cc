import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { renumberExhibit } from '../../../src-main/evidence/renumberExhibit';
import { listConflicts } from '../../../src-main/merge/listConflicts';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { resolveConflict } from '../../../src-main/merge/resolveConflict';
import { casePacketInput } from '../../../src-main/packet/casePacketInput';
import { checkFiling } from '../../../src-main/packet/checkFiling';
import { exportCasePacket } from '../../../src-main/packet/exportCasePacket';
import { ALICE, BOB } from '../../helpers/testCase';
import { copies, expectVerified, records } from './mergeCopies';

const OPTIONS = { sections: ['exhibits'] as ('exhibits')[], profile: 'generic-50mb', batesPrefix: 'STORM-' };

function productionIds(caseFile: CaseFile, by: string): string[] {
  return caseFile.db.prepare('SELECT id FROM production WHERE created_by = ?').pluck().all(by) as string[];
}

/** Alice and Bob each make a production on STORM- before their copies meet; Alice merges Bob's. */
async function overlappingProductions(bobsPrefix = OPTIONS.batesPrefix, bobsPadding?: number): Promise<{ a: CaseFile; b: CaseFile; dir: string }> {
  const { files, dir } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
  const [a, b] = files as [CaseFile, CaseFile];
  const text = path.join(dir, 'chat.txt');
  fs.writeFileSync(text, 'seller: payment to wallet bc1q...\n');
  await importEvidence(a, [text], { title: 'Chat log' });
  await importEvidence(b, [text], { title: 'Chat log (Bob)' });
  await exportCasePacket(a, path.join(dir, 'alice.pdf'), { ...OPTIONS, sections: [...OPTIONS.sections] });
  await exportCasePacket(b, path.join(dir, 'bob.pdf'), { ...OPTIONS, sections: [...OPTIONS.sections], batesPrefix: bobsPrefix, ...(bobsPadding ? { batesPadding: bobsPadding } : {}) });
  return { a, b, dir };
}

async function newProductionProblems(caseFile: CaseFile, bates: { batesPrefix?: string; batesPadding?: number; batesStart?: number } = {}): Promise<string[]> {
  const input = await casePacketInput(caseFile, { ...OPTIONS, sections: [...OPTIONS.sections], ...bates });
  return (await checkFiling(caseFile, input)).filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`);
}

describe('a Bates overlap is kept as a conflict (issue 17)', () => {
  it('also when the two prefixes differ only in case (storm-000001 and STORM-000001 name the same page to a reader)', async () => {
    const { a, b } = await overlappingProductions('storm-');
    const report = mergeCaseFile(a, b.path);
    expect(report.conflicts.filter((c) => c.kind === 'bates_overlap')).toHaveLength(1);
  });

  it('also when the prefixes differ but the printed labels do not (STORM-0 padded to 5 prints STORM-000001, as STORM- padded to 6 does)', async () => {
    const { a, b } = await overlappingProductions('STORM-0', 5);
    const reported = mergeCaseFile(a, b.path).conflicts.filter((c) => c.kind === 'bates_overlap');
    expect(reported).toHaveLength(1);
    expect(reported[0]!.message).toMatch(/both print Bates labels from STORM-000001\./);
    // A new production printing those labels under a third prefix (STORM-00 padded to 4) waits for
    // the choice too, though neither stored prefix equals its own.
    renumberExhibit(a, a.db.prepare("SELECT id FROM evidence WHERE title = 'Chat log (Bob)'").pluck().get() as string, 2);
    expect((await newProductionProblems(a, { batesPrefix: 'STORM-00', batesPadding: 4 })).some((p) => p.startsWith('BATES_OVERLAP_UNRESOLVED'))).toBe(true);
  });

  it('not when the prefixes only begin alike and no label is shared (STORM-1 padded to 5 prints STORM-100001)', async () => {
    const { a, b } = await overlappingProductions('STORM-1', 5);
    expect(mergeCaseFile(a, b.path).conflicts.filter((c) => c.kind === 'bates_overlap')).toEqual([]);
  });

  it('the merge stores it with both productions, prefix and ranges; the return merge and dossier conflicts show it on both copies', async () => {
    const { a, b } = await overlappingProductions();
    const [alices] = productionIds(a, ALICE.name);
    const [bobs] = productionIds(b, BOB.name);
    const report = mergeCaseFile(a, b.path);
    const reported = report.conflicts.filter((c) => c.kind === 'bates_overlap');
    expect(reported).toHaveLength(1);
    expect(reported[0]!.message).toMatch(/\(prefix "STORM-", STORM-000001–STORM-0000\d\d\) were made on different copies and both print Bates labels from STORM-000001\. Keep the one that was filed/);
    const [stored] = listConflicts(a).filter((c) => c.kind === 'bates_overlap');
    expect(stored).toBeDefined();
    expect(reported[0]!.conflict_id).toBe(stored!.id);
    const [first, second] = [alices!, bobs!].sort();
    expect(stored).toMatchObject({
      record_table: 'production',
      record_id: first,
      other_record_id: second,
      kept_value: { production: first, bates_prefix: 'STORM-', bates_first: 1, bates_range: expect.stringMatching(/^STORM-000001–STORM-0000\d\d$/) },
      lost_value: { production: second, bates_prefix: 'STORM-', bates_first: 1 },
    });
    expect(stored!.summary).toMatch(/\(prefix "STORM-", STORM-000001–STORM-0000\d\d, by Bob Counsel, .*\) were made on different copies and use the same Bates numbers\./);
    expect(stored!.proposal).toMatch(/keeps the numbers/);
    // Merged again: nothing new to say, no second record.
    expect(mergeCaseFile(a, b.path).conflicts.filter((c) => c.kind === 'bates_overlap')).toEqual([]);
    // Bob hears of it on the return merge and holds the same record.
    const back = mergeCaseFile(b, a.path);
    expect(back.conflicts.filter((c) => c.kind === 'bates_overlap').map((c) => c.conflict_id)).toEqual([stored!.id]);
    expect(listConflicts(b).filter((c) => c.kind === 'bates_overlap').map((c) => c.id)).toEqual([stored!.id]);
    expect(records(b)).toEqual(records(a));
  });

  it('a new production on that prefix is an error until someone says which production keeps the numbers; the other is to be re-issued, nothing renumbered', async () => {
    const { a, b, dir } = await overlappingProductions();
    mergeCaseFile(a, b.path);
    // Both exhibits came in as number 1 (their own conflict): Bob's is renumbered so only the overlap stands in the way.
    const bobsExhibit = a.db.prepare("SELECT id FROM evidence WHERE title = 'Chat log (Bob)'").pluck().get() as string;
    renumberExhibit(a, bobsExhibit, 2);
    const [conflict] = listConflicts(a).filter((c) => c.kind === 'bates_overlap');
    // Named by production id: "mine|theirs" cannot tell them apart when one person made both.
    expect(await newProductionProblems(a)).toEqual([
      expect.stringMatching(new RegExp(`^BATES_OVERLAP_UNRESOLVED: .*resolve .*a\\.dossier ${conflict!.id} --keep ${conflict!.record_id} \\(or --keep ${conflict!.other_record_id}\\)`)),
    ]);
    await expect(exportCasePacket(a, path.join(dir, 'third.pdf'), { ...OPTIONS, sections: [...OPTIONS.sections] })).rejects.toThrow(/BATES_OVERLAP_UNRESOLVED/);
    const productionsBefore = a.db.prepare('SELECT * FROM production ORDER BY id').all();

    const [alices] = productionIds(a, ALICE.name);
    const [bobs] = productionIds(a, BOB.name);
    const resolved = resolveConflict(a, conflict!.id, 'mine');
    expect(resolved.resolution).toBe('value');
    expect(resolved.resolved_value).toMatchObject({ keeps: alices, reissue: bobs });
    expect((resolved.resolved_value as { note: string }).note).toMatch(new RegExp(`Production ${bobs} must be re-issued: export it again as a new production.*nothing was renumbered`));
    expect(resolved.summary).toContain(`Production ${bobs} must be re-issued`);
    expect(a.db.prepare('SELECT * FROM production ORDER BY id').all()).toEqual(productionsBefore);
    expect(await newProductionProblems(a)).toEqual([]);
    expectVerified(a);
    // The choice travels: Bob's copy holds it resolved, and his new production is not held up either.
    mergeCaseFile(b, a.path);
    expect(listConflicts(b, { includeResolved: true }).find((c) => c.id === conflict!.id)).toMatchObject({ resolution: 'value', resolved_value: { keeps: alices } });
    expect(await newProductionProblems(b)).toEqual([]);
    // Bob's "mine" is the other production: resolved already, so refused with who did it.
    expect(() => resolveConflict(b, conflict!.id, 'mine')).toThrow(/already resolved by Alice/);
    // The production to re-issue is not exported again under the numbers it lost (it was, silently).
    await expect(exportCasePacket(a, path.join(dir, 'reissue.pdf'), { productionId: bobs })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(new RegExp(`Production ${bobs} gave up its Bates numbers to production ${alices}.*export it as a new production`)),
    });
    expect(fs.existsSync(path.join(dir, 'reissue.pdf'))).toBe(false);
    // The one that keeps them still re-exports.
    fs.mkdirSync(path.join(dir, 'kept'));
    await exportCasePacket(a, path.join(dir, 'kept', 'alice-again.pdf'), { productionId: alices });
  });
});

/*
 * STORM-0 padded to 5 prints the very labels STORM- padded to 6 prints: the two ranges read alike
 * on paper, so a message naming one prefix (or only the printed ranges) cannot tell counsel which
 * two productions collide. Every message about such an overlap names both productions' prefixes
 * and ranges, and their ids where it already gives ids.
 */
describe('every message about a Bates overlap across prefixes names both productions', () => {
  const side = (id: string, prefix: string) => new RegExp(`${id} \\(prefix "${prefix}", STORM-000001 ?– ?STORM-0000\\d\\d`);

  it('in the merge report, the conflict summary, packet --check, the resolution and a refused re-export', async () => {
    const { a, b, dir } = await overlappingProductions('STORM-0', 5);
    const reported = mergeCaseFile(a, b.path).conflicts.filter((c) => c.kind === 'bates_overlap');
    const [alices] = productionIds(a, ALICE.name);
    const [bobs] = productionIds(a, BOB.name);
    expect(reported[0]!.message).toMatch(side(alices!, 'STORM-'));
    expect(reported[0]!.message).toMatch(side(bobs!, 'STORM-0'));

    const [stored] = listConflicts(a).filter((c) => c.kind === 'bates_overlap');
    expect(stored!.summary).toMatch(side(alices!, 'STORM-'));
    expect(stored!.summary).toMatch(side(bobs!, 'STORM-0'));

    renumberExhibit(a, a.db.prepare("SELECT id FROM evidence WHERE title = 'Chat log (Bob)'").pluck().get() as string, 2);
    const [unresolved] = (await newProductionProblems(a)).filter((p) => p.startsWith('BATES_OVERLAP_UNRESOLVED'));
    expect(unresolved).toMatch(side(alices!, 'STORM-'));
    expect(unresolved).toMatch(side(bobs!, 'STORM-0'));

    const resolved = resolveConflict(a, stored!.id, bobs!);
    const note = (resolved.resolved_value as { note: string }).note;
    expect(note).toMatch(side(bobs!, 'STORM-0'));
    expect(note).toMatch(side(alices!, 'STORM-'));
    // Re-exporting the production that gave up its numbers is refused, naming both.
    const refused = await exportCasePacket(a, path.join(dir, 'again.pdf'), { productionId: alices! }).then(() => null, (e: Error) => e.message);
    expect(refused).toMatch(side(alices!, 'STORM-'));
    expect(refused).toMatch(side(bobs!, 'STORM-0'));
  });

  it('when an export would stamp labels another production already printed', async () => {
    const { a } = await overlappingProductions();
    const [alices] = productionIds(a, ALICE.name);
    const [used] = (await newProductionProblems(a, { batesPrefix: 'STORM-0', batesPadding: 5, batesStart: 1 })).filter((p) => p.startsWith('BATES_ALREADY_USED'));
    expect(used).toMatch(side(alices!, 'STORM-'));
    // And this export's own prefix and range, the other side of the collision.
    expect(used).toMatch(/this production \(prefix "STORM-0", STORM-000001 – STORM-0000\d\d, 5 digits/);
  });
});
