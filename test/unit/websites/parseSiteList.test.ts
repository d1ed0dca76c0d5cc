import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSiteList, type ParseSiteListOptions, type SiteBatch } from '../../../src-main/websites/parseSiteList';
import { SiteListError } from '../../../src-main/websites/SiteListError';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/websites');
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function collect(input: Readable, options: ParseSiteListOptions = {}): Promise<SiteBatch[]> {
  const batches: SiteBatch[] = [];
  for await (const batch of parseSiteList(input, options)) batches.push(batch);
  return batches;
}

async function summary(input: Readable, options: ParseSiteListOptions = {}) {
  const batches = await collect(input, options);
  return {
    rows: batches.flatMap((b) => b.rows).map((r) => [r.rowNumber, r.normalized.host_ascii, r.duplicateOf] as const),
    errors: batches.flatMap((b) => b.errors).map((e) => [e.rowNumber, e.code, e.field] as const),
    batches,
  };
}

async function failure(input: Readable, options: ParseSiteListOptions = {}): Promise<{ error: unknown; batches: SiteBatch[] }> {
  const batches: SiteBatch[] = [];
  try {
    for await (const batch of parseSiteList(input, options)) batches.push(batch);
  } catch (error) {
    return { error, batches };
  }
  throw new Error('expected the parse to fail');
}

const hostile = fs.readFileSync(path.join(FIXTURES, 'hostile.csv'));

describe('parseSiteList: hostile CSV', () => {
  const expectedRows = [
    [2, 'hotmailbox.me', null],
    [3, '1stcaptcha.com', null],
    [5, 'anycaptcha.com', null],
    [6, 'nonecaptcha.com', null],
    [11, 'hotmailbox.me', 2],
    [14, 'xn--bcher-kva.com', null],
    [15, 'evil.com', null],
  ];
  const expectedErrors = [
    [7, 'CONTROL_CHARACTER', 'notes'],
    [8, 'INVALID_UTF8', 'site'],
    [9, 'INVALID_URL', 'site'],
    [10, 'INVALID_LABEL', 'site'],
    [12, 'CONTAINS_SPACE', 'site'],
  ];

  it('reads BOM, CRLF, quoted commas, multi-line cells, formulas, a 10 KiB cell; rejects NUL and cp1252 rows by line', async () => {
    const { rows, errors, batches } = await summary(fs.createReadStream(path.join(FIXTURES, 'hostile.csv')));
    expect(rows).toEqual(expectedRows);
    expect(errors).toEqual(expectedErrors);

    const all = batches.flatMap((b) => b.rows);
    const byRow = new Map(all.map((r) => [r.rowNumber, r]));
    expect(byRow.get(2)!.fields).toMatchObject({
      status: 'named_in_order',
      role: 'marketplace',
      registrar: 'NameCheap, Inc.',
      registrar_iana_id: 1068,
      name_servers: ['ns1.hotmailbox.me', 'ns2.hotmailbox.me'],
      ips: ['104.21.4.1', '2606:4700:3033::6815:401'],
      asn: 13335,
      first_seen: '2023-06-01',
      last_seen: '2023-12-13T09:30:00.000Z',
      notes: 'Storm-1152 marketplace, sells fraudulent Outlook accounts',
    });
    expect(byRow.get(3)!.fields).toMatchObject({ status: 'served', role: 'captcha_service', notes: 'first line\r\nsecond line' });
    expect(byRow.get(5)!.fields.notes).toBe('=HYPERLINK("http://evil.example/","click")');
    expect(byRow.get(15)!.fields.notes).toBe('=1+2');
    expect(byRow.get(6)!.fields.notes).toBe('A'.repeat(10240));
    expect(byRow.get(11)!.normalized.raw).toBe('HOTMAILBOX.ME.');

    const allErrors = batches.flatMap((b) => b.errors);
    const utf8 = allErrors.find((e) => e.code === 'INVALID_UTF8')!;
    expect(utf8.reason).toContain('row 8');
    expect(utf8.reason).toContain('UTF-8');
    expect(allErrors.find((e) => e.code === 'CONTROL_CHARACTER')!.reason).toContain('NUL');
    expect(batches.at(-1)!.bytesRead).toBe(hostile.length);
    expect(batches[0]!.columns!.names[0]).toBe('Domain');
  });

  it.each([1, 2, 3, 7, 64, 4096])('gives the same result whatever the chunking (%i-byte chunks)', async (size) => {
    const { rows, errors } = await summary(chunked(hostile, size));
    expect(rows).toEqual(expectedRows);
    expect(errors).toEqual(expectedErrors);
  });

  it('reports bytes read, ending at the file size', async () => {
    const seen: number[] = [];
    await collect(chunked(hostile, 1000), { onProgress: (bytes) => seen.push(bytes) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(hostile.length);
  });

  it('batches rows and errors together by batchSize', async () => {
    const { batches } = await summary(chunked(hostile, 100), { batchSize: 3 });
    expect(batches.map((b) => b.rows.length + b.errors.length)).toEqual([3, 3, 3, 3]);
  });
});

describe('parseSiteList: malformed CSV', () => {
  it('stops at an unclosed quote, naming the row, after yielding the rows before it', async () => {
    const { error, batches } = await failure(fs.createReadStream(path.join(FIXTURES, 'unclosed-quote.csv')));
    expect(batches.flatMap((b) => b.rows).map((r) => r.rowNumber)).toEqual([2]);
    expect(error).toBeInstanceOf(SiteListError);
    expect(error).toMatchObject({ code: 'CSV_MALFORMED', rowNumber: 3 });
    expect((error as Error).message).toContain('row 3');
  });

  it('keeps stray quotes as data rather than guessing (quote inside a cell, text after a closing quote)', async () => {
    const batches = await collect(Readable.from([Buffer.from('domain,notes\r\na.com,he said "hi"\r\nb.com,"ok"junk\r\nc.com,y\r\n')]));
    expect(batches.flatMap((b) => b.rows).map((r) => r.fields.notes)).toEqual(['he said "hi"', '"ok"junk', 'y']);
  });

  it('stops mid-stream without losing the rows parsed before the broken one', async () => {
    const good = Array.from({ length: 3000 }, (_, i) => `site${i}.com,ok`).join('\n');
    const big = Buffer.concat([Buffer.from(`domain,notes\n${good}\nbroken.com,"open\n`), Buffer.alloc(2 * 1024 * 1024, 'x\n')]);
    const { error, batches } = await failure(Readable.from([big]), { batchSize: 1000 });
    expect(batches.flatMap((b) => b.rows)).toHaveLength(3000);
    expect(error).toMatchObject({ code: 'CSV_MALFORMED', rowNumber: 3002 });
  });

  it('stops an unclosed quote near the top without buffering the whole file', async () => {
    const big = Buffer.concat([Buffer.from('domain,notes\na.com,"open\n'), Buffer.alloc(3 * 1024 * 1024, 'x\n')]);
    const { error } = await failure(chunked(big, 65536));
    expect(error).toMatchObject({ code: 'CSV_MALFORMED', rowNumber: 2 });
  });

  it('refuses UTF-16 files with a clear message', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('domain\r\nevil.com\r\n', 'utf16le')]);
    const { error } = await failure(Readable.from([utf16]));
    expect(error).toMatchObject({ code: 'ENCODING_UNSUPPORTED' });
    expect((error as Error).message).toContain('UTF-8');
  });

  it('fails before reading rows when no column holds the sites', async () => {
    const { error } = await failure(Readable.from([Buffer.from('name,owner\nMicrosoft,DCU\n')]));
    expect(error).toMatchObject({ code: 'NO_SITE_COLUMN', rowNumber: 1 });
  });

  it('fails on a bad --map before reading anything', async () => {
    const { error } = await failure(Readable.from([Buffer.from('domain\nevil.com\n')]), { map: ['domain=colour'] });
    expect(error).toMatchObject({ code: 'BAD_COLUMN_MAP' });
  });
});

describe('parseSiteList: CSV shapes', () => {
  it('counts lines across LF, CRLF and lone CR, also inside quoted cells', async () => {
    const text = 'domain,notes\na.com,"1\r\n2\n3\r4"\r\nb.com,x\rc.com,"\n"\n\n\r\nd.com,y';
    const { rows } = await summary(Readable.from([Buffer.from(text)]));
    expect(rows).toEqual([
      [2, 'a.com', null],
      [6, 'b.com', null],
      [7, 'c.com', null],
      [11, 'd.com', null],
    ]);
  });

  it('reads ;-delimited files and keeps unknown columns as extra', async () => {
    const batches = await collect(fs.createReadStream(path.join(FIXTURES, 'semicolon.csv')));
    const [row] = batches.flatMap((b) => b.rows);
    expect(row).toMatchObject({ rowNumber: 2, fields: { registrar_iana_id: 1068, ips: ['104.21.4.1'], extra: { Rolle: 'x' } } });
    expect(batches.flatMap((b) => b.errors)).toMatchObject([{ rowNumber: 3, code: 'INVALID_IANA_ID', value: 'abc', field: 'registrar_iana_id' }]);
  });

  it('reports rows with too few or too many cells; ignores trailing empty cells', async () => {
    const { rows, errors } = await summary(Readable.from([Buffer.from('domain,status\na.com,served,,\nb.com\nc.com,served,oops\n')]));
    expect(rows).toEqual([[2, 'a.com', null]]);
    expect(errors).toEqual([
      [3, 'COLUMN_COUNT', null],
      [4, 'COLUMN_COUNT', null],
    ]);
  });

  it('detects a file without a header row, and honours header: false with --map', async () => {
    const text = 'evil.com,served\nfoo.com,offline\n';
    const auto = await collect(Readable.from([Buffer.from(text)]));
    expect(auto.flatMap((b) => b.rows).map((r) => [r.rowNumber, r.normalized.host_ascii, r.fields.extra])).toEqual([
      [1, 'evil.com', { column_2: 'served' }],
      [2, 'foo.com', { column_2: 'offline' }],
    ]);
    const mapped = await collect(Readable.from([Buffer.from(text)]), { header: false, map: ['2=status'] });
    expect(mapped.flatMap((b) => b.rows).map((r) => r.fields.status)).toEqual(['served', 'offline']);
  });

  it('forces the format when asked', async () => {
    // One column named "domain" is a CSV; as text, the word is a bad line.
    const { rows, errors } = await summary(Readable.from([Buffer.from('domain\nevil.com\n')]), { format: 'text' });
    expect(rows).toEqual([[2, 'evil.com', null]]);
    expect(errors).toEqual([[1, 'NO_PUBLIC_SUFFIX', 'site']]);
  });

  it('gives one empty batch for an empty file', async () => {
    const batches = await collect(Readable.from([]));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ rows: [], errors: [], bytesRead: 0 });
  });

  it('does not merge a name with hidden characters into the clean one', async () => {
    const { rows } = await summary(Readable.from([Buffer.from('domain\nexample.com\nex\u00ADample.com\nEXAMPLE.com\n')]));
    expect(rows).toEqual([
      [2, 'example.com', null],
      [3, 'example.com', null],
      [4, 'example.com', 2],
    ]);
  });
});

describe('parseSiteList: plain text lists', () => {
  it('skips comments and blank lines, numbers rows by line, reports bad lines and duplicates', async () => {
    const { rows, errors, batches } = await summary(fs.createReadStream(path.join(FIXTURES, 'plain-list.txt')));
    expect(batches[0]!.format).toBe('text');
    expect(rows).toEqual([
      [3, 'hotmailbox.me', null],
      [4, '1stcaptcha.com', null],
      [5, 'anycaptcha.com', null],
      [7, 'xn--bcher-kva.example', null],
      [10, 'rockcaptcha.com', null],
      [11, 'nonecaptcha.com', null],
      [12, 'hotmailbox.me', 3],
    ]);
    expect(errors).toEqual([[9, 'CONTAINS_SPACE', 'site']]);
  });

  it('gives the same lines whatever the chunking, with CRLF split across chunks', async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'plain-list.txt'));
    const whole = await summary(Readable.from([bytes]));
    for (const size of [1, 2, 5]) {
      const split = await summary(chunked(bytes, size));
      expect(split.rows).toEqual(whole.rows);
      expect(split.errors).toEqual(whole.errors);
    }
  });

  it('stops at a line over 1 MiB (a binary file), naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from('evil.com\nfoo.com\n'), Buffer.alloc(1.5 * 1024 * 1024, 0x41), Buffer.from('\nbar.com\n')]);
    for (const chunkSize of [65536, 4 * 1024 * 1024]) {
      const { error, batches } = await failure(chunked(bytes, chunkSize));
      expect(error).toMatchObject({ code: 'LINE_TOO_LONG', rowNumber: 3 });
      expect(batches.flatMap((b) => b.rows).map((r) => r.normalized.host_ascii)).toEqual(['evil.com', 'foo.com']);
    }
  });

  it('rejects a line that is not UTF-8, by line number', async () => {
    const bytes = Buffer.concat([Buffer.from('evil.com\ncaf'), Buffer.from([0xe9]), Buffer.from('.com\r\ncafé.com\n')]);
    const { rows, errors } = await summary(Readable.from([bytes]));
    expect(rows).toEqual([
      [1, 'evil.com', null],
      [3, 'xn--caf-dma.com', null],
    ]);
    expect(errors).toEqual([[2, 'INVALID_UTF8', 'site']]);
  });
});

describe('parseSiteList: cancel', () => {
  const many = Buffer.from(`domain\n${Array.from({ length: 20_000 }, (_, i) => `site${i}.com`).join('\n')}\n`);

  it('throws the abort reason when cancelled mid-file and closes the input', async () => {
    const controller = new AbortController();
    const input = chunked(many, 4096);
    let batches = 0;
    const error = await (async () => {
      try {
        for await (const _ of parseSiteList(input, { signal: controller.signal, batchSize: 1000 })) {
          batches++;
          if (batches === 2) controller.abort();
        }
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(batches).toBe(2);
    expect(input.destroyed).toBe(true);
  });

  it('throws at once when the signal is already aborted', async () => {
    const { error } = await failure(Readable.from([many]), { signal: AbortSignal.abort() });
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('reads a real file from a temp folder and closes it when the consumer stops early', async () => {
    const file = path.join(tempDir, 'sites.txt');
    fs.writeFileSync(file, many);
    const input = fs.createReadStream(file);
    for await (const batch of parseSiteList(input, { batchSize: 100 })) {
      expect(batch.rows).toHaveLength(100);
      break;
    }
    expect(input.destroyed).toBe(true);
  });
});
