import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { createDossierClient } from '../../../src-main/contract/createDossierClient';
import { APPENDIX_CSV_COLUMNS } from '../../../src-main/websites/appendixCsv';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

function client(session: CaseSession) {
  return createDossierClient((channel, request) => dispatch(session, channel, request) as never, () => () => {});
}

describe("websites.appendixCsv: an order's appendix as a CSV file", () => {
  it('writes every covered domain grouped by registry and registrar, formula-like cells defused', async () => {
    const api = client(new CaseSession(ALICE));
    const dir = tempDir();
    await api['case.create']({ path: path.join(dir, 'appendix.dossier'), case: { title: 'Appendix' } });
    const order = await api['orders.create']({ title: 'TRO', docket: '1:23-cv-1', court: 'SDNY', order_type: 'ex_parte_tro' });
    const sites = [
      await api['websites.add']({ input: 'hotmailbox.me', registrar: 'NameCheap, Inc.', registry: 'Identity Digital' }),
      await api['websites.add']({ input: '1stcaptcha.com', registrar: '=HYPERLINK("http://evil.example")', registry: 'Verisign' }),
      await api['websites.add']({ input: 'anycaptcha.com', registrar: 'GoDaddy.com, LLC', registry: 'Verisign', registrant: '@attacker' }),
    ];
    await api['websites.add']({ input: 'not-covered.example' });
    for (const site of sites) await api['links.create']({ from_id: order.id, to_id: site.id, relation: 'covers' });

    const outPath = path.join(dir, 'appendix-a.csv');
    const written = await api['websites.appendixCsv']({ orderId: order.id, outPath });
    const bytes = fs.readFileSync(outPath);
    expect(written).toEqual({ path: outPath, rows: 3, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const rows = parse(bytes) as string[][];
    expect(rows[0]).toEqual([...APPENDIX_CSV_COLUMNS]);
    // One row per registrable domain: registry, registrar, domain; the registrant only with --columns.
    expect(rows.slice(1).map((r) => [r[3], r[4], r[0], r[7]])).toEqual([
      ['Identity Digital', 'NameCheap, Inc.', 'hotmailbox.me', 'TRO (ECF No. not recorded)'],
      ['Verisign', `'=HYPERLINK("http://evil.example")`, '1stcaptcha.com', 'TRO (ECF No. not recorded)'],
      ['Verisign', 'GoDaddy.com, LLC', 'anycaptcha.com', 'TRO (ECF No. not recorded)'],
    ]);
    expect(bytes.toString('utf8')).not.toContain('@attacker');
    expect(bytes.toString('utf8').endsWith('\n')).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['appendix-a.csv', 'appendix.dossier']);
  });

  it('refuses an unknown order and leaves no file behind', async () => {
    const api = client(new CaseSession(ALICE));
    const dir = tempDir();
    await api['case.create']({ path: path.join(dir, 'empty.dossier'), case: { title: 'Empty' } });
    await expect(api['websites.appendixCsv']({ orderId: '0190a8d2-0000-7000-8000-000000000000', outPath: path.join(dir, 'a.csv') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api['websites.appendixCsv']({ orderId: '0190a8d2-0000-7000-8000-000000000000', outPath: path.join(dir, 'a.txt') })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(fs.readdirSync(dir)).toEqual(['empty.dossier']);
  });
});
