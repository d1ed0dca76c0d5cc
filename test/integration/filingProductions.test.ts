import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';
import { filingCase, SIGNED } from '../helpers/filingCase';

const pageTexts = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');

interface Exported {
  productionId: string;
  totalPages: number;
  exhibits: { label: string; batesFirstLabel: string; batesLastLabel: string; batesFirst: number; batesLast: number }[];
}
interface Listed {
  id: string;
  draft: boolean;
  batesFirst: string;
  batesLast: string;
  exhibitIds: string[];
}

describe('productions: frozen Bates numbers (issue 11)', () => {
  it('continues the numbering in a new production; a draft is watermarked and consumes no numbers; re-export is byte-identical after other exports', async () => {
    const dir = tempDir();
    const { file, ids } = await filingCase(dir);
    const p1 = path.join(dir, 'p1.pdf');
    const first = await dossierJson<Exported>(['packet', file, '--out', p1, '--exhibits', ids[0]!, '--layout', 'combined', ...SIGNED]);
    const firstPages = pageTexts(p1);
    expect(firstPages[0]).toContain('STORM-000001');
    expect(firstPages.at(-1)).toContain(`STORM-${String(first.totalPages).padStart(6, '0')}`);

    const draftOut = path.join(dir, 'draft.pdf');
    const draft = await dossierJson<Exported>(['packet', file, '--out', draftOut, '--draft', '--layout', 'combined', ...SIGNED]);
    const draftPages = pageTexts(draftOut);
    expect(draftPages[0]).toContain(`STORM-${String(first.totalPages + 1).padStart(6, '0')}`);
    for (const page of draftPages) expect(page).toContain('DRAFT');
    for (const page of firstPages) expect(page).not.toContain('DRAFT');

    const p2 = path.join(dir, 'p2.pdf');
    const second = await dossierJson<Exported>(['packet', file, '--out', p2, '--layout', 'combined', ...SIGNED]);
    // The draft took no numbers: the second production starts right after the first.
    expect(pageTexts(p2)[0]).toContain(`STORM-${String(first.totalPages + 1).padStart(6, '0')}`);
    expect(pageTexts(p2).join('\n')).not.toMatch(/draft production|Draft filing packet/);

    const listed = await dossierJson<Listed[]>(['productions', file]);
    expect(listed.map((p) => [p.id, p.draft, p.batesFirst])).toEqual([
      [first.productionId, false, 'STORM-000001'],
      [draft.productionId, true, `STORM-${String(first.totalPages + 1).padStart(6, '0')}`],
      [second.productionId, false, `STORM-${String(first.totalPages + 1).padStart(6, '0')}`],
    ]);
    expect(listed[0]!.exhibitIds).toEqual([ids[0]]);

    // Verifications and other exports since: the first production comes out the same, byte for byte.
    expect((await dossier(['evidence', 'verify', file])).status).toBe(0);
    const again = path.join(dir, 'p1-again.pdf');
    const redo = await dossierJson<Exported>(['packet', file, '--production', first.productionId, '--out', again]);
    expect(redo.productionId).toBe(first.productionId);
    expect(fs.readFileSync(again).equals(fs.readFileSync(p1))).toBe(true);
    expect((await dossierJson<Listed[]>(['productions', file])).length).toBe(3);
  });

  it('refuses options beside --production, an unknown production, numbers already used and a range wider than its padding', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const first = await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'a.pdf'), ...SIGNED]);
    const lowerPrefix = first.exhibits[0]!.batesFirstLabel.replace(/\d+$/, '').toLowerCase();
    const cases: [string[], RegExp][] = [
      [['--production', first.productionId, '--bates-start', '5'], /re-exported exactly as it was frozen; leave out batesStart/],
      [['--production', '01900000-0000-7000-8000-000000000000'], /No production with id/],
      [['--bates-start', '3', ...SIGNED], /BATES_ALREADY_USED/],
      [['--bates-padding', '1', ...SIGNED], /BATES_OVERFLOWS_PADDING.*--bates-padding 2/],
      [['--max-mb', '0.1', ...SIGNED], /--max-mb must be a number of MB from 0.25 to 2048 \(as a court profile's maxMb\)/],
      [['--max-mb', 'ten', ...SIGNED], /--max-mb must be a number of MB from 0.25/],
      // A prefix that differs only in case prints the same numbers to a reader: they are taken too.
      [['--bates-prefix', lowerPrefix, '--bates-start', '3', ...SIGNED], /BATES_ALREADY_USED/],
    ];
    for (const [flags, message] of cases) {
      const out = path.join(dir, 'x.pdf');
      const result = await dossier(['packet', file, '--out', out, ...flags]);
      expect(result.status, flags.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    }
    const check = await dossier(['packet', file, '--check', '--bates-padding', '1', ...SIGNED, '--json']);
    expect(check.status).toBe(2);
    expect(JSON.parse(check.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'BATES_OVERFLOWS_PADDING' })]));
    expect((await dossierJson<Listed[]>(['productions', file])).length).toBe(1);
    fs.mkdirSync(path.join(dir, 'lower'));
    await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'lower', 'b.pdf'), '--bates-prefix', lowerPrefix, ...SIGNED]);
    // A fractional limit, as a court profile's maxMb may be (it was refused as "not a whole number").
    const halfMb = await dossier(['packet', file, '--check', '--max-mb', '0.5', ...SIGNED, '--json']);
    expect(halfMb.stderr).toBe('');
    const [made, continued] = await dossierJson<Listed[]>(['productions', file]);
    const number = (label: string) => Number(/(\d+)$/.exec(label)![1]);
    expect(continued!.batesFirst.startsWith(lowerPrefix)).toBe(true);
    expect(number(continued!.batesFirst)).toBe(number(made!.batesLast) + 1);
  });
});
