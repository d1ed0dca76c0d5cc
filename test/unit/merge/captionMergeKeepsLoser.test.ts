import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { getFilingCaption, updateFilingCaption } from '../../../src-main/packet/filingCaption';
import { ALICE, BOB } from '../../helpers/testCase';
import { copies, expectVerified } from './mergeCopies';

/**
 * The caption is one record: the later of two copies' captions is kept whole. The other side's
 * caption (a party Alice added) must not vanish: found by an adversarial test, it left no
 * history and no trace after the merge's one message.
 */
describe('a filing caption changed on two copies', () => {
  it('keeps the later one, keeps ours in the record history, and names what ours held in the merge report', () => {
    const { files } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    updateFilingCaption(a, { court: 'S.D.N.Y.', parties: [{ role: 'plaintiff', name: 'Plaintiff A' }] });
    updateFilingCaption(b, { court: 'S.D.N.Y.', parties: [{ role: 'defendant', name: 'Defendant B' }] });
    const report = mergeCaseFile(a, b.path);
    expect(getFilingCaption(a).parties).toEqual([{ role: 'defendant', name: 'Defendant B' }]);
    const message = report.conflicts.find((c) => c.table === 'filing_caption')!.message;
    expect(message).toContain('Plaintiff A');
    expect(message).toMatch(/kept in the caption's history/);
    const kept = a.db.prepare("SELECT version_json, reason FROM record_history WHERE record_kind = 'filing_caption'").all() as { version_json: string; reason: string }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]!.reason).toBe('merge');
    expect(JSON.parse(JSON.parse(kept[0]!.version_json).parties)).toEqual([{ role: 'plaintiff', name: 'Plaintiff A' }]);
    expectVerified(a);
  });
});
