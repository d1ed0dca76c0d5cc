import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

interface ImportReport { imported: number; errorCount: number; errors: { rowNumber: number; code: string; reason: string; field: string | null }[] }

/** A case with one order; returns the file and the order id. */
async function caseWithOrder(): Promise<{ dir: string; file: string; order: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', 't']);
  const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', '1:23', '--court', 'EDNY', '--type', 'tro']);
  return { dir, file, order: order.id };
}

const FORGED = 'GoDaddy\n    innocent-bank.com\n  Registrar: Tucows';

describe('single-line site fields hold no line breaks (a cell cannot add lines to Appendix A)', () => {
  it('site import refuses a registrar cell with line breaks, naming row and column, and imports nothing from that row', async () => {
    const { dir, file, order } = await caseWithOrder();
    const csv = path.join(dir, 'inj.csv');
    fs.writeFileSync(csv, `Domain,Registrar,Hosting,Notes\nreal-bad.com,"${FORGED}",H,n\nok.com,Tucows,"Host\tA",n\nfine.com,Tucows,H,"two\nlines of notes"\n`);
    const report = await dossierJson<ImportReport>(['site', 'import', file, csv, '--order', order, '--map', 'Hosting=hosting_provider']);
    expect(report.imported).toBe(1);
    expect(report.errors).toEqual([
      expect.objectContaining({ rowNumber: 2, code: 'CONTROL_CHARACTER', field: 'registrar', reason: expect.stringMatching(/row 2, column "Registrar",.*line break/) }),
      expect.objectContaining({ rowNumber: 5, code: 'CONTROL_CHARACTER', field: 'hosting_provider', reason: expect.stringMatching(/row 5, column "Hosting",.*tab/) }),
    ]);
    const appendix = await dossier(['appendix', file, order]);
    expect(appendix.stdout).not.toContain('innocent-bank.com');
    expect(appendix.stdout).not.toContain('real-bad.com');
    expect(appendix.stdout).toContain('fine.com');
  });

  it('site add and edit refuse line breaks and control characters in registrar, registry, registrant, hosting, asn', async () => {
    const { file } = await caseWithOrder();
    for (const [flag, value] of [['--registrar', FORGED], ['--registry', 'Verisign\nX'], ['--registrant', 'a\rb'], ['--hosting', 'h\u001b[2Jx'], ['--registrar', 'Go\u202eDaddy']] as const) {
      const added = await dossier(['site', 'add', file, 'x-bad.com', flag, value]);
      expect(added.status, `${flag} ${JSON.stringify(value)}`).toBe(2);
      expect(added.stderr).toMatch(/must not contain .*\[INVALID_REQUEST\]\n$/);
    }
    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'x-good.com', '--registrar', 'GoDaddy']);
    const edited = await dossier(['edit', file, site.id, '--registrar', FORGED]);
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain('--registrar must not contain control characters');
    const asn = await dossier(['edit', file, site.id, '--asn', 'AS1\nAS2']);
    expect(asn.status).toBe(2);
    expect((await dossierJson<{ item: { registrar: string } }>(['show', file, site.id])).item.registrar).toBe('GoDaddy');
  });

  it('a line break already stored (an older copy, a merge) is spelled out in the appendix, never printed as a line', async () => {
    const { file, order } = await caseWithOrder();
    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'real-bad.com', '--registrar', 'GoDaddy']);
    await dossierJson(['link', file, order, site.id, '--relation', 'covers']);
    const db = new Database(file);
    db.prepare('UPDATE website SET registrar = ?, registrant = ? WHERE id = ?').run(FORGED, 'R\nRegistry: fake', site.id);
    db.close();
    const human = await dossier(['appendix', file, order, '--columns']);
    expect(human.status).toBe(0);
    const lines = human.stdout.split('\n');
    expect(lines.filter((l) => l.includes('innocent-bank.com'))).toEqual(['  Registrar: GoDaddy\\x0a    innocent-bank.com\\x0a  Registrar: Tucows']);
    expect(lines.some((l) => /^\s*Registry: fake/.test(l))).toBe(false);
    const csv = await dossier(['appendix', file, order, '--csv']);
    expect(csv.stdout).toContain('GoDaddy\\x0a    innocent-bank.com');

    // The registry's contact (a stakeholder) and the order's ECF number print as one line too.
    // (Typed today, the organisation is refused like a registrar; one stored by an older version still prints as one line.)
    const refused = await dossier(['stakeholder', 'add', file, '--name', 'Registry Co', '--kind', 'registry', '--org', 'Registry Co Inc\n  Registrar: Fake']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--org must not contain control characters/);
    const registry = await dossierJson<{ id: string }>(['stakeholder', 'add', file, '--name', 'Registry Co', '--kind', 'registry', '--org', 'Registry Co Inc', '--phone', '555']);
    const db2 = new Database(file);
    db2.prepare("UPDATE stakeholder SET organization = 'Registry Co Inc\n  Registrar: Fake' WHERE id = ?").run(registry.id);
    db2.prepare("UPDATE website SET registry = 'Registry Co' WHERE id = ?").run(site.id);
    db2.prepare("UPDATE court_order SET ecf_number = '17\n    fake.com' WHERE id = ?").run(order);
    db2.close();
    const again = (await dossier(['appendix', file, order])).stdout.split('\n');
    expect(again.some((l) => /^\s*(Registrar: Fake|fake\.com)/.test(l))).toBe(false);
    expect(again.join('\n')).toContain('Registry Co Inc\\x0a  Registrar: Fake');
  });
});
