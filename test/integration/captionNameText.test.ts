import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

/*
 * A caption's party names and counsel's names print exactly as stored. A character no bundled
 * font has is drawn as the packet draws it everywhere (a framed box holding its code point), its
 * text reads [U+1F98A], never a bare "1F98A" that reads as part of the name, and a note under the
 * caption says what the box is. A run of spaces cannot be typed into such a name; one stored
 * earlier (an older version, a merge) is printed with the extra spaces spelled out as [U+0020],
 * never collapsed into one space.
 */
const FOX = '\u{1F98A}';
const PARROT = '\u{1F99C}';

async function captionCase(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', 'Caption names', '--code-name', 'CAP', '--docket', '1:26-cv-00001']);
  await dossierJson(['caption', 'set', file, '--court', 'United States District Court\nSouthern District of New York']);
  await dossierJson(['party', 'add', file, '--role', 'plaintiff', '--name', 'Example Corporation']);
  const log = path.join(dir, 'log.txt');
  fs.writeFileSync(log, 'log line\n');
  await dossierJson(['evidence', 'add', file, log, '--acquired-by', 'Jane Roe']);
  return { dir, file };
}

/** Exports a draft (ECF layout: the declaration is the main PDF) and returns each page's text as a reader copies it. */
async function exportPages(dir: string, file: string, extra: string[] = []): Promise<{ out: string; pages: string[] }> {
  const out = path.join(dir, 'out', 'packet.pdf');
  fs.mkdirSync(path.dirname(out));
  const made = await dossier(['packet', file, '--out', out, '--draft', '--layout', 'ecf', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington', ...extra]);
  expect(made.status, made.stderr).toBe(0);
  return { out, pages: execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).split('\f') };
}

const declarationPage = (pages: string[]): string => pages.find((p) => p.includes('DECLARATION OF')) ?? '';

describe('caption names as stored', () => {
  it('a character no font has reads as [U+XXXX], with a note under the caption saying it is drawn as a box', async () => {
    const { dir, file } = await captionCase();
    await dossierJson(['party', 'add', file, '--role', 'defendant', '--name', `Fox ${FOX} Corp`]);
    await dossierJson(['counsel', 'set', file, '--name', `Jane ${PARROT} Smith`, '--firm', 'Smith LLP']);
    const { pages } = await exportPages(dir, file);
    const text = pages.join('\f');
    // Never the bare hex of the box's label, which reads as part of the name ("FOX 1F98A CORP").
    expect(text).not.toMatch(/(?<!U\+)1F98A/);
    expect(text).not.toMatch(/(?<!U\+)1F99C/);
    expect(text).toContain(`FOX [U+1F98A] CORP`);
    expect(text).toContain(`/s/ Jane [U+1F99C] Smith`);
    // The cover and the declaration say, under their caption, what the box is.
    const cover = pages[0] ?? '';
    expect(cover.replace(/\s+/g, ' ')).toContain('Characters without a glyph in the caption: U+1F98A. No bundled font has it; it is drawn as a framed box holding its code point.');
    // The declaration's note also speaks for its signature blocks (counsel's name), at its end.
    const declaration = declarationPage(pages).replace(/\s+/g, ' ');
    expect(declaration).toContain('Characters without a glyph in the caption and signature blocks: U+1F98A and U+1F99C. No bundled font has them; each is drawn as a framed box holding its code point.');
  });

  it('refuses a run of spaces in a party or counsel name at entry (exit 2), naming the field', async () => {
    const { file } = await captionCase();
    // Named as the user knows it (the flag's field and the value typed), not by a list index.
    const refused: [string[], string][] = [
      [['party', 'add', file, '--role', 'defendant', '--name', 'Acme  Holdings'], `party name "Acme  Holdings"`],
      [['party', 'add', file, '--role', 'defendant', '--name', 'Acme\u00A0 Holdings'], `party name "Acme\u00A0 Holdings"`],
      [['counsel', 'set', file, '--name', 'Jane  Q. Smith'], `counsel's name "Jane  Q. Smith"`],
      [['counsel', 'set', file, '--name', 'Jane Q. Smith', '--firm', 'Smith  LLP'], `counsel's firm "Smith  LLP"`],
    ];
    for (const [args, named] of refused) {
      const result = await dossier(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(`The caption's ${named} must not contain two or more spaces in a row (a printed name shows them as one); write it with single spaces.`);
    }
    const shown = await dossierJson<{ parties: { name: string }[]; counsel: unknown[] }>(['caption', 'show', file]);
    expect(shown.parties.map((p) => p.name)).toEqual(['Example Corporation']);
    expect(shown.counsel).toEqual([]);
  });

  it('refuses a run of spaces in the declarant\'s name, role or place (printed on the declaration as one space), naming the flag', async () => {
    const { file } = await captionCase();
    const base = ['packet', file, '--check', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington'];
    for (const [flag, value] of [['--declarant', 'Jane  Roe'], ['--declarant-role', 'Senior  Investigator'], ['--place', 'Redmond,  Washington']] as const) {
      const args = [...base];
      args[args.indexOf(flag) + 1] = value;
      const result = await dossier(args);
      expect(result.status, `${flag} ${value}`).toBe(2);
      expect(result.stderr, `${flag} ${value}`).toMatch(new RegExp(`${flag} must not contain two or more spaces in a row`));
    }
  });

  it('prints a run of spaces stored before the rule with the extra spaces spelled out, never as one space', async () => {
    const { dir, file } = await captionCase();
    await dossierJson(['party', 'add', file, '--role', 'defendant', '--name', 'Acme Holdings']);
    await dossierJson(['counsel', 'set', file, '--name', 'Jane Q. Smith']);
    // An older version (or a teammate's copy) stored these as typed.
    const db = new Database(file);
    db.prepare('UPDATE filing_caption SET parties = ?, counsel = ?').run(
      JSON.stringify([{ role: 'plaintiff', name: 'Example Corporation' }, { role: 'defendant', name: 'Acme  Holdings' }, { role: 'defendant', name: ' Beta Ltd   ' }]),
      JSON.stringify([{ name: 'Jane  Q. Smith', firm: 'Smith   LLP' }]),
    );
    db.close();
    // --force: the caption was changed behind the app's back, which `dossier check` reports.
    const { pages } = await exportPages(dir, file, ['--force']);
    const text = pages.join('\f');
    expect(text).toContain('ACME [U+0020]HOLDINGS;');
    expect(text).toContain('[U+0020]BETA LTD[U+0020][U+0020][U+0020],');
    expect(text).toContain('/s/ Jane [U+0020]Q. Smith');
    expect(text).toContain('SMITH [U+0020][U+0020]LLP');
    expect(text).not.toMatch(/ACME HOLDINGS|Jane Q\. Smith|SMITH LLP/);
    // Said once under each caption: what [U+0020] stands for.
    const means = '[U+0020] stands for a space that would not show (one of several in a row, or at the start or end of a name).';
    expect((pages[0] ?? '').replace(/\s+/g, ' ')).toContain(`In the caption, ${means}`);
    expect(declarationPage(pages).replace(/\s+/g, ' ')).toContain(`In the caption and signature blocks, ${means}`);
    // A name stored earlier does not block a change to the rest of the caption, and is kept.
    await dossierJson(['party', 'add', file, '--role', 'defendant', '--name', 'Gamma Inc']);
    const shown = await dossierJson<{ parties: { name: string }[]; counsel: { name: string }[] }>(['caption', 'show', file]);
    expect(shown.parties.map((p) => p.name)).toContain('Acme  Holdings');
    expect(shown.counsel.map((c) => c.name)).toEqual(['Jane  Q. Smith']);
  });
});
