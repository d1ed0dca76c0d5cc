import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier } from '../helpers/dossierInProcess';
import { importSiteList } from '../../src-main/websites/importSiteList';
import { newCliCase } from '../helpers/cliCase';
import { newTestCase } from '../helpers/testCase';

describe('a site list that cannot be read is bad input: one line on stderr with its code, exit 2', () => {
  const cases: [string, Buffer | string, string[], string, RegExp][] = [
    ['no site column', 'Registrar,Notes\nGoDaddy,x\n', [], 'NO_SITE_COLUMN', /No column holds the websites/],
    ['an unclosed quote', 'domain,notes\n"a.com,x\n', [], 'CSV_MALFORMED', /unmatched "/],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('domain\na.com\n', 'utf16le')]), [], 'ENCODING_UNSUPPORTED', /UTF-16/],
    ['a bad --map', 'domain,notes\na.com,x\n', ['--map', 'notes=colour'], 'BAD_COLUMN_MAP', /is not a field/],
    ['an unquoted line over 1 MiB', `domain,notes\n${'x'.repeat((1 << 20) + 10)}\n`, [], 'LINE_TOO_LONG', /^dossier: Line 2 is longer than 1 MiB/],
  ];
  for (const [label, content, extra, code, message] of cases) {
    it(label, async () => {
      const { dir, file } = await newCliCase();
      const list = path.join(dir, 'list.csv');
      fs.writeFileSync(list, content);
      for (const json of [false, true]) {
        const run = await dossier(['site', 'import', file, list, ...extra, ...(json ? ['--json'] : [])]);
        expect(run.status, run.stderr).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
        expect(run.stderr).toMatch(new RegExp(`\\[${code}\\]\\n$`));
        expect(run.stderr.split('\n')).toHaveLength(2);
        if (code !== 'CSV_MALFORMED') expect(run.stderr).not.toMatch(/unmatched "/);
      }
    });
  }

  it("the app's report of a CSV that stopped before any row says csv, with the stop's code", async () => {
    const { dir } = await newCliCase();
    const list = path.join(dir, 'list.csv');
    fs.writeFileSync(list, 'Registrar,Notes\nGoDaddy,x\n');
    const report = await importSiteList(newTestCase(), list);
    expect(report).toMatchObject({ format: 'csv', rowsRead: 0, stoppedAt: { code: 'NO_SITE_COLUMN' } });
  });

  it('a list broken midway: the report of the rows before it on stdout (format csv), the stop on stderr with its code, exit 2', async () => {
    const { dir, file } = await newCliCase();
    const list = path.join(dir, 'list.csv');
    fs.writeFileSync(list, 'domain,notes\na.com,x\nb.com,y\n"c.com,z\n');
    const run = await dossier(['site', 'import', file, list, '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'csv', imported: 2, stoppedAt: { rowNumber: 4, code: 'CSV_MALFORMED' } });
    expect(run.stderr).toMatch(/^dossier: The CSV is malformed at row 4: .*unmatched ".*2 new website.*\[CSV_MALFORMED\]\n$/);
  });
});
