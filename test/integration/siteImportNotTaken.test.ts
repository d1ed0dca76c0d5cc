import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { newCliCase } from '../helpers/cliCase';

interface NotTaken { rowNumber: number; field: string; column: string | null; kept: unknown; offered: unknown; site: string }
interface Report { imported: number; merged: number; valuesNotTaken: number; notTaken: NotTaken[] }

describe('site import says which values it did not take', () => {
  it('a site repeated in one list: the second row values that differ are named (row, column, kept, dropped)', async () => {
    const { dir, file } = await newCliCase();
    const csv = path.join(dir, 'dup.csv');
    fs.writeFileSync(csv, 'Domain,Registrar,Notes\nacme-fraud.com,GoDaddy,first\nacme-fraud.com,Namecheap,second\nacme-fraud.com,GoDaddy,first\n');
    const report = await dossierJson<Report>(['site', 'import', file, csv]);
    expect(report).toMatchObject({ imported: 1, merged: 2, valuesNotTaken: 2 });
    expect(report.notTaken).toEqual([
      expect.objectContaining({ rowNumber: 3, field: 'registrar', column: 'Registrar', kept: 'GoDaddy', offered: 'Namecheap', site: 'acme-fraud.com' }),
      expect.objectContaining({ rowNumber: 3, field: 'notes', column: 'Notes', kept: 'first', offered: 'second' }),
    ]);
    const human = await dossier(['site', 'import', file, csv]);
    expect(human.stdout).toMatch(/2 value\(s\) not taken/);
    expect(human.stdout).toMatch(/3\s+acme-fraud.com\s+Registrar\s+GoDaddy\s+Namecheap/);
  });

  it('re-importing a corrected list names every field it left as it was', async () => {
    const { dir, file } = await newCliCase();
    const first = path.join(dir, 'first.csv');
    fs.writeFileSync(first, 'domain,registrar,role,status\nfix-me.com,GoDaddy,c2,served\n');
    await dossierJson(['site', 'import', file, first]);
    const corrected = path.join(dir, 'corrected.csv');
    fs.writeFileSync(corrected, 'domain,registrar,role,status,asn\nfix-me.com,Tucows,phishing,offline,AS13335\n');
    const report = await dossierJson<Report>(['site', 'import', file, corrected]);
    expect(report.merged).toBe(1);
    expect(report.notTaken.map((n) => [n.field, n.kept, n.offered])).toEqual([
      ['registrar', 'GoDaddy', 'Tucows'],
      ['role', 'c2', 'phishing'],
      ['status', 'served', 'offline'],
    ]);
    // A value the record lacked was taken.
    const listed = await dossierJson<{ items: { asn: string | number | null }[] }>(['list', file, 'websites']);
    expect(String(listed.items[0]!.asn)).toMatch(/13335/);
  });

  it('refuses a header that names a field twice, naming the column', async () => {
    const { dir, file } = await newCliCase();
    const csv = path.join(dir, 'twice.csv');
    fs.writeFileSync(csv, 'Domain,Domain,Registrar\na.com,b.com,X\n');
    const run = await dossier(['site', 'import', file, csv]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/"Domain".*columns 1 and 2.*\[DUPLICATE_COLUMN\]\n$/);
    expect((await dossierJson<{ items: unknown[] }>(['list', file, 'websites'])).items).toEqual([]);
  });
});
