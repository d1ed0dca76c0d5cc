import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('renumbering and user court profiles (issue 11)', () => {
  it('numbers a subset A, B under an alphabetic profile from a JSON file, with the case numbers in the index', async () => {
    const dir = tempDir();
    const { file, ids } = await filingCase(dir);
    const profile = path.join(dir, 'court.json');
    fs.writeFileSync(profile, JSON.stringify({ name: 'edva-ecf', description: 'E.D. Va. CM/ECF', pageSize: 'letter', maxMb: 25, filing: true, layout: 'ecf', exhibitLabels: 'alpha' }));
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    // The case's Exhibit 2 first, then Exhibit 1: filed as A and B.
    const result = await dossierJson<{ exhibits: { label: string }[] }>(['packet', file, '--out', path.join(outDir, 'decl.pdf'), '--exhibits', `${ids[1]},${ids[0]}`, '--renumber', '--profile-file', profile, ...SIGNED]);
    expect(result.exhibits.map((e) => e.label)).toEqual(['Exhibit A', 'Exhibit B']);
    expect(fs.readdirSync(outDir).sort()).toEqual(['Exhibit A - access.log.pdf', 'Exhibit B - storefront.txt.pdf', 'attachments.csv', 'attachments.json', 'decl.pdf']);
    const index = text(path.join(outDir, 'decl.pdf'));
    const at = index.indexOf('INDEX OF EXHIBITS');
    const table = index.slice(at, at + 2000);
    expect(table).toMatch(/Exhibit A[\s\S]*\(case Ex\. 2\)[\s\S]*Exhibit B[\s\S]*\(case Ex\. 1\)/);
  });

  it('refuses a profile file with a clear message naming the field', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ name: 'my court', description: 'x', pageSize: 'legal', maxMb: 10, colour: 'red' }));
    const result = await dossier(['packet', file, '--check', '--profile-file', bad, ...SIGNED]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--profile-file .*bad\.json is not a valid court profile: .*name must be lowercase.*pageSize/);
    const notJson = path.join(dir, 'not.json');
    fs.writeFileSync(notJson, '{ name: ');
    expect((await dossier(['packet', file, '--check', '--profile-file', notJson])).stderr).toMatch(/is not JSON/);
    expect((await dossier(['packet', file, '--check', '--profile-file', path.join(dir, 'missing.json')])).status).toBe(2);
  });

  it("sets the declaration in the profile's body size and line spacing", async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const declarationPages = async (profile: Record<string, unknown>, name: string): Promise<number> => {
      const json = path.join(dir, `${name}.json`);
      fs.writeFileSync(json, JSON.stringify({ name, description: name, pageSize: 'letter', maxMb: 50, layout: 'combined', ...profile }));
      const result = await dossierJson<{ sections: { section: string; pageCount: number }[] }>(['packet', file, '--out', path.join(dir, `${name}.pdf`), '--profile-file', json, '--draft', ...SIGNED]);
      return result.sections.find((s) => s.section === 'declaration')!.pageCount;
    };
    const single = await declarationPages({ lineSpacing: 1, bodyFontSize: 10 }, 'tight');
    const double = await declarationPages({ lineSpacing: 2.5, bodyFontSize: 14 }, 'double');
    expect(double).toBeGreaterThan(single);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ name: 'x', description: 'x', pageSize: 'letter', maxMb: 5, lineSpacing: 5 }));
    expect((await dossier(['packet', file, '--check', '--profile-file', bad])).stderr).toMatch(/lineSpacing/);
  });
});
