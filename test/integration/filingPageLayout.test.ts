import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

interface Word {
  text: string;
  x: number;
  y: number;
}

/** The words of each page with their top-left corner in points from the page's top left (pdftotext -bbox). */
function wordsByPage(file: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! })));
}

/** The first printed line of a page: the smallest distance from the top of any word on it. */
const firstLineY = (words: Word[]) => Math.min(...words.map((w) => w.y));
const leftmostX = (words: Word[]) => Math.min(...words.map((w) => w.x));

describe('court profile margins and header zone (issue 11)', () => {
  it("moves the printed lines by the profile's margins and header zone, on the declaration and on exhibit pages", async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const productions = new Map<string, string>();
    const exportWith = async (name: string, extra: Record<string, unknown>): Promise<string> => {
      const json = path.join(dir, `${name}.json`);
      fs.writeFileSync(json, JSON.stringify({ name, description: name, pageSize: 'letter', maxMb: 15, filing: true, layout: 'ecf', ...extra }));
      const out = path.join(dir, name);
      fs.mkdirSync(out);
      const { productionId } = await dossierJson<{ productionId: string }>(['packet', file, '--out', path.join(out, 'decl.pdf'), '--profile-file', json, ...SIGNED]);
      productions.set(out, productionId);
      return out;
    };
    const plain = await exportWith('plain', {});
    const wide = await exportWith('wide', { marginsInches: { top: 1.75, right: 1, bottom: 1, left: 1.5 }, headerZoneInches: 1.25 });

    const declarationPage = (out: string) => wordsByPage(path.join(out, 'decl.pdf')).find((words) => words.some((w) => w.text === 'DECLARATION'))!;
    const [before, after] = [declarationPage(plain), declarationPage(wide)];
    // One inch by default; 1.75 in (126 pt) and 1.5 in (108 pt) under the wide profile.
    expect(firstLineY(before)).toBeGreaterThanOrEqual(72);
    expect(firstLineY(after) - firstLineY(before)).toBeCloseTo(126 - 72, 0);
    expect(leftmostX(after) - leftmostX(before)).toBeCloseTo(108 - 72, 0);

    // An exhibit's own pages: the header line sits under the header zone (0.5 in by default, 1.25 in = 90 pt here).
    const exhibitPage = (out: string) => wordsByPage(path.join(out, 'Exhibit 1 - storefront.txt.pdf'))[1]!;
    const [exBefore, exAfter] = [exhibitPage(plain), exhibitPage(wide)];
    expect(exBefore[0]!.text).toBe('Exhibit');
    expect(firstLineY(exBefore)).toBeGreaterThanOrEqual(36);
    expect(firstLineY(exAfter) - firstLineY(exBefore)).toBeCloseTo(90 - 36, 0);
    // Every page of every file keeps the header zone blank.
    for (const name of fs.readdirSync(wide).filter((f) => f.endsWith('.pdf'))) {
      for (const words of wordsByPage(path.join(wide, name))) expect(firstLineY(words), name).toBeGreaterThanOrEqual(90);
    }
    // The profile is frozen with the production: re-exported, the same bytes.
    const again = path.join(dir, 'again');
    fs.mkdirSync(again);
    await dossierJson(['packet', file, '--production', productions.get(wide)!, '--out', path.join(again, 'decl.pdf')]);
    for (const name of fs.readdirSync(wide)) expect(fs.readFileSync(path.join(again, name)).equals(fs.readFileSync(path.join(wide, name))), name).toBe(true);
  });

  it('refuses margins and header zones out of range, naming the field', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const refusal = async (extra: Record<string, unknown>, pageSize = 'letter'): Promise<string> => {
      const json = path.join(dir, 'court.json');
      fs.writeFileSync(json, JSON.stringify({ name: 'court', description: 'court', pageSize, maxMb: 15, ...extra }));
      const result = await dossier(['packet', file, '--check', '--profile-file', json, ...SIGNED]);
      expect(result.status).toBe(2);
      return result.stderr;
    };
    const oneNumber = await refusal({ marginsInches: 0.1 });
    expect(oneNumber).toMatch(/marginsInches must be between 0\.25 and 2 inches \(is 0\.1\)/);
    // One number is one mistake: said once, not once per side.
    expect(oneNumber.match(/must be between/g)).toHaveLength(1);
    expect(await refusal({ marginsInches: { top: 1, right: 1, bottom: 3, left: 1 } })).toMatch(/marginsInches\.bottom must be between 0\.25 and 2 inches/);
    expect(await refusal({ headerZoneInches: 2 })).toMatch(/headerZoneInches must be between 0 and 1\.5 inches/);
    expect(await refusal({ headerZoneInches: -0.5 })).toMatch(/headerZoneInches must be between/);
    // Each side in range, but too little room left for the text.
    expect(await refusal({ marginsInches: { top: 1, right: 1.5, bottom: 1, left: 1.5 } })).toMatch(/marginsInches leave a text area 5\.5 inches wide on letter paper; at least 6 inches/);
    // A4 is narrower: 1.25 in each side leaves 5.77 in.
    expect(await refusal({ marginsInches: { top: 1, right: 1.25, bottom: 1, left: 1.25 } }, 'a4')).toMatch(/marginsInches leave a text area 5\.77 inches wide on a4 paper; at least 6 inches is needed \(left \+ right at most 2\.27\)/);
    expect(await refusal({ marginsInches: { top: 1, left: 1 } })).toMatch(/marginsInches must be a number of inches, or \{ top, right, bottom, left \}/);
    expect(await refusal({ marginsInches: 'wide' })).toMatch(/marginsInches must be a number of inches/);
  });
});
