import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseSiteList } from '../../../src-main/websites/parseSiteList';
import type { SiteListRowError } from '../../../src-main/websites/SiteRowReader';
import { generateDomainRows } from '../../bench/generateDomainRows';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

const HEADER = 'domain,status,role,registrar_iana_id,ips,first_seen,notes';
const GOOD_ROWS = 49_800;
const BAD_ROWS = 200;

// Each garbage class: the CSV line (bytes) and the code it must produce.
const GARBAGE: ReadonlyArray<readonly [Buffer, string]> = [
  [Buffer.from(',served,c2,,,,empty domain'), 'EMPTY'],
  [Buffer.from('evil site.com,served,c2,,,,'), 'CONTAINS_SPACE'],
  [Buffer.from('evil..com,served,c2,,,,'), 'INVALID_LABEL'],
  [Buffer.from(`${'x'.repeat(64)}.com,served,c2,,,,`), 'LABEL_TOO_LONG'],
  [Buffer.from(`${Array.from({ length: 5 }, () => 'y'.repeat(55)).join('.')}.com,,,,,,`), 'NAME_TOO_LONG'],
  [Buffer.from('evil.notatld,served,c2,,,,'), 'UNKNOWN_TLD'],
  [Buffer.from('co.uk,served,c2,,,,'), 'NO_PUBLIC_SUFFIX'],
  [Buffer.from('evil.com,seized,c2,,,,'), 'INVALID_STATUS'],
  [Buffer.from('evil.com,served,botnet,,,,'), 'INVALID_ROLE'],
  [Buffer.from('evil.com,served,c2,12x,,,'), 'INVALID_IANA_ID'],
  [Buffer.from('evil.com,served,c2,,300.1.2.3,,'), 'INVALID_IP'],
  [Buffer.from('evil.com,served,c2,,,13/12/2023,'), 'INVALID_DATE'],
  [Buffer.concat([Buffer.from('evil.com,served,c2,,,,caf'), Buffer.from([0xe9])]), 'INVALID_UTF8'],
  [Buffer.from('evil.com,served,c2,,,,nul\u0000'), 'CONTROL_CHARACTER'],
  [Buffer.from('evil.com,served,c2,,,,unquoted, comma'), 'COLUMN_COUNT'],
  [Buffer.from('=HYPERLINK("http://evil.com"),,,,,,'), 'INVALID_LABEL'],
  [Buffer.from('user@evil.com,,,,,,'), 'INVALID_URL'],
  [Buffer.from('1.2.3.999,,,,,,'), 'INVALID_IP'],
];

it('reads 50,000 rows with 200 bad ones: 49,800 rows and exactly 200 errors at the right lines', async () => {
  const lines: Buffer[] = [Buffer.from(HEADER)];
  const expectedErrors: Array<[number, string]> = [];
  const goodLines: number[] = [];
  let line = 2;
  const good = generateDomainRows(GOOD_ROWS, 1152);
  let goodCount = 0;
  let badCount = 0;
  for (let i = 0; goodCount + badCount < GOOD_ROWS + BAD_ROWS; i++) {
    if (i % 250 === 125 && badCount < BAD_ROWS) {
      const [bytes, code] = GARBAGE[badCount % GARBAGE.length]!;
      lines.push(bytes);
      expectedErrors.push([line, code]);
      line += 1;
      badCount++;
      continue;
    }
    const site = good.next().value as string;
    // Every 97th good row carries a quoted note over two or three lines, CRLF or LF inside.
    const note = goodCount % 97 === 0 ? (goodCount % 2 === 0 ? '"line one\r\nline two"' : '"a\nb\nc, with comma"') : 'ok';
    lines.push(Buffer.from(`${site},identified,other,146,104.21.4.1,2023-12-13,${note}`));
    goodLines.push(line);
    line += 1 + (note.match(/\r\n|\n/g)?.length ?? 0);
    goodCount++;
  }
  const file = path.join(tempDir, 'sites-50k.csv');
  fs.writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\r\n')])));

  let rowCount = 0;
  const rowLines: number[] = [];
  const errors: SiteListRowError[] = [];
  let duplicates = 0;
  for await (const batch of parseSiteList(fs.createReadStream(file))) {
    expect(batch.rows.length + batch.errors.length).toBeLessThanOrEqual(5000);
    rowCount += batch.rows.length;
    for (const row of batch.rows) {
      rowLines.push(row.rowNumber);
      if (row.duplicateOf !== null) {
        duplicates++;
        expect(row.duplicateOf).toBeLessThan(row.rowNumber);
      }
    }
    errors.push(...batch.errors);
  }

  expect(rowCount).toBe(GOOD_ROWS);
  expect(rowLines).toEqual(goodLines);
  expect(errors).toHaveLength(BAD_ROWS);
  expect(errors.map((e) => [e.rowNumber, e.code])).toEqual(expectedErrors);
  // The generator repeats some word-made names, as real lists do: those come back marked.
  expect(duplicates).toBeGreaterThan(0);
});
