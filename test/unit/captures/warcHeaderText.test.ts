import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importCapture } from '../../../src-main/captures/importCapture';
import { writeWacz } from '../../helpers/captureFixtures';
import { handMadeWarc } from '../../helpers/handMadeWarc';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

/*
 * WARC 1.1 (section 4) allows UTF-8 in header values. warcio hands values with characters beyond
 * Latin-1 to the WHATWG Headers class, which refuses them, and then stores their UTF-8 bytes as
 * Latin-1 characters: U+202E (RIGHT-TO-LEFT OVERRIDE) came back as "â\x80®" while "é" came through.
 * Header values are read as UTF-8 in every WARC path (plain, .warc.gz, WACZ); bytes that are not
 * UTF-8 are never guessed at: the record says so among the capture's problems.
 */
const URL_WRITTEN = 'https://hotmailbox.me/café/\u202Eexe.txt';
const DATE_WRITTEN = 'last thursday \u202E';

function recordFacts(caseFile: ReturnType<typeof newTestCase>) {
  return caseFile.db.prepare("SELECT target_uri, captured_at FROM capture_record WHERE record_type = 'response'").all();
}

function warc(): Buffer {
  return handMadeWarc({ url: URL_WRITTEN, date: DATE_WRITTEN, html: '<title>Shop</title>' });
}

describe('WARC header values are read as UTF-8', () => {
  it.each([
    ['a plain WARC', 'shop.warc', (file: string) => fs.writeFileSync(file, warc())],
    ['a .warc.gz', 'shop.warc.gz', (file: string) => fs.writeFileSync(file, zlib.gzipSync(warc()))],
    ['a WACZ', 'shop.wacz', (file: string) => writeWacz(file, zlib.gzipSync(warc()), [{ url: URL_WRITTEN, ts: '2024-03-01T12:00:00Z' }])],
  ])('%s keeps U+202E and "é" as written', async (_name, name, write) => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), name);
    write(file);
    const result = await importCapture(caseFile, file);
    expect(recordFacts(caseFile)).toEqual([{ target_uri: URL_WRITTEN, captured_at: DATE_WRITTEN }]);
    expect(result.capture.problems).toEqual([]);
    expect(result.capture.import_status).toBe('complete');
  });

  it('bytes that are not UTF-8 are not guessed at: the record is named as a problem', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'latin1.warc');
    // "café" as Latin-1 (0xE9 alone), which UTF-8 cannot read.
    const url = Buffer.concat([Buffer.from('https://hotmailbox.me/caf'), Buffer.from([0xe9])]);
    fs.writeFileSync(file, handMadeWarc({ url, date: '2024-03-01T12:00:00Z', html: '<title>Shop</title>' }));
    const result = await importCapture(caseFile, file);
    expect(recordFacts(caseFile)).toEqual([{ target_uri: 'https://hotmailbox.me/caf\uFFFD', captured_at: '2024-03-01T12:00:00.000Z' }]);
    expect(result.capture.problems).toEqual([
      expect.objectContaining({
        offset: 0,
        message: expect.stringContaining('WARC-Target-URI holds U+FFFD'),
      }),
    ]);
    expect(result.capture.import_status).toBe('partial');
  });
});
