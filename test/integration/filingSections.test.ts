import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The orders section of a packet's text: from its heading to the next section's. */
function ordersSection(all: string): string {
  const start = all.indexOf('COURT ORDERS');
  return all.slice(start, all.indexOf('CHAIN OF CUSTODY', start));
}

describe('what the orders section lists (issue 11)', () => {
  it("lists by default only the appendix's order with its ECF number, and exactly the orders chosen with --orders", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'storm.dossier');
    expect((await dossier(['demo', file])).status).toBe(0);
    const orders = (await dossierJson<{ items: { id: string; title: string }[] }>(['list', file, 'orders'])).items;
    const judgment = orders.find((o) => o.title.startsWith('Default judgment'))!;
    const tro = orders.find((o) => o.title.startsWith('Emergency'))!;
    const out = path.join(dir, 'a.pdf');
    await dossierJson(['packet', file, '--out', out, '--order', judgment.id, '--layout', 'combined', ...SIGNED]);
    const section = ordersSection(text(out)).replace(/\s+/g, ' ');
    expect(section).toContain('1. Default judgment and permanent injunction (ECF No. 53)');
    expect(section).not.toContain('Emergency ex parte');
    expect(section).not.toContain('Supplemental preliminary');

    const chosen = path.join(dir, 'b.pdf');
    await dossierJson(['packet', file, '--out', chosen, '--orders', `${tro.id},${judgment.id}`, '--layout', 'combined', ...SIGNED]);
    const listed = ordersSection(text(chosen)).replace(/\s+/g, ' ');
    expect(listed.indexOf('1. Emergency ex parte temporary restraining order')).toBeGreaterThan(-1);
    expect(listed.indexOf('2. Default judgment')).toBeGreaterThan(listed.indexOf('1. Emergency'));
    expect(listed).toMatch(/ECF No\. not recorded/);
    expect(listed).not.toContain('Supplemental preliminary');

    const none = path.join(dir, 'c.pdf');
    await dossierJson(['packet', file, '--out', none, '--layout', 'combined', ...SIGNED]);
    expect(ordersSection(text(none))).toMatch(/No court orders are part of this filing/);
  });

  it('carries the case caption (parties, court, docket with the judge\'s initials) on cover and declaration, and ends the declaration with /s/ lines and the counsel block', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    for (const args of [
      ['caption', 'set', file, '--court', 'United States District Court\\nSouthern District of New York', '--judge', 'Paul A. Engelmayer', '--judge-initials', 'PAE'],
      ['party', 'add', file, '--role', 'plaintiff', '--name', 'Microsoft Corporation'],
      ['party', 'add', file, '--role', 'defendant', '--name', 'John Does 1-2'],
      ['counsel', 'set', file, '--name', 'Gabriel M. Ramsey', '--firm', 'Crowell & Moring LLP', '--email', 'gramsey@crowell.com', '--bar-number', '5236183', '--representing', 'Attorneys for Plaintiff Microsoft Corporation'],
    ]) {
      const r = await dossier(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const bad = await dossier(['caption', 'set', file, '--judge-initials', 'p.a.e']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--judge-initials must be 1 to 6 capital letters/);
    const badMail = await dossier(['counsel', 'set', file, '--name', 'X', '--email', 'not-mail']);
    expect(badMail.status).toBe(2);
    const shown = await dossierJson<{ parties: { role: string; name: string }[]; counsel: { name: string }[] }>(['caption', 'show', file]);
    expect(shown.parties).toEqual([{ role: 'plaintiff', name: 'Microsoft Corporation' }, { role: 'defendant', name: 'John Does 1-2' }]);
    expect(shown.counsel.map((c) => c.name)).toEqual(['Gabriel M. Ramsey']);

    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const pages = text(out).split('\f');
    const declaration = pages.find((p) => p.includes('DECLARATION OF JANE ROE'))!;
    for (const page of [pages[0]!, declaration]) {
      expect(page).toContain('SOUTHERN DISTRICT OF NEW YORK');
      expect(page).toContain('MICROSOFT CORPORATION,');
      expect(page).toMatch(/Plaintiff,/);
      expect(page).toMatch(/JOHN DOES 1-2,\s*\)/);
      expect(page).toMatch(/Defendants\./);
      expect(page).toContain('Case No. 1:24-cv-01234 (PAE)');
    }
    const all = pages.join('\n');
    expect(all).toContain('/s/ Jane Roe');
    expect(all).toContain('/s/ Gabriel M. Ramsey');
    expect(all).toContain('Gabriel M. Ramsey (Bar No. 5236183)');
    expect(all).toContain('Attorneys for Plaintiff Microsoft Corporation');
  });
});
