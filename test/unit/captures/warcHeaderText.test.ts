import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importCapture } from '../../../src-main/captures/importCapture';
import { verifyCaptureRecords } from '../../../src-main/captures/verifyCaptureRecords';
import { writeWacz } from '../../helpers/captureFixtures';
import { withoutTriggersOf } from '../../helpers/forgeCaseFile';
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

/*
 * A capture imported before this reading keeps its header values spelled as Latin-1 bytes. `check`
 * and `evidence verify` compare what the case keeps with what the archive holds: such a capture
 * must not be called changed behind the app's back (it was not), yet it still fails, saying how it
 * differs and how to put it right. A real edit on top of it is still called what it is.
 */
describe('a capture kept by the earlier reading', () => {
  /** How warcio's Latin-1 spelling kept a value: its UTF-8 bytes as Latin-1 characters. */
  const spelledLatin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

  async function keptTheEarlierWay() {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'shop.warc');
    fs.writeFileSync(file, warc());
    const { evidence_id } = await importCapture(caseFile, file);
    expect((await verifyCaptureRecords(caseFile, evidence_id)).failed, 'precondition: read as UTF-8, the capture verifies').toEqual([]);
    const url = spelledLatin1(URL_WRITTEN).replaceAll("'", "''");
    const date = spelledLatin1(DATE_WRITTEN);
    withoutTriggersOf(caseFile.path, 'capture_record', `UPDATE capture_record SET target_uri = '${url}', captured_at = '${date}'`);
    withoutTriggersOf(caseFile.path, 'capture_page', `UPDATE capture_page SET url = '${url}', captured_at = '${date}'`);
    return { caseFile, evidence_id };
  }

  it('fails, saying an earlier Dossier kept it that way, not that it was changed behind the app\'s back', async () => {
    const { caseFile, evidence_id } = await keptTheEarlierWay();
    const { failed } = await verifyCaptureRecords(caseFile, evidence_id);
    expect(failed.length).toBe(2); // the record and its page
    for (const f of failed) {
      expect(f.reason).toMatch(/kept as an earlier Dossier read them .* Import the capture again/);
      expect(f.reason).not.toMatch(/changed behind the app's back/);
    }
  });

  it('an edit on top of it is still called a change behind the app\'s back', async () => {
    const { caseFile, evidence_id } = await keptTheEarlierWay();
    withoutTriggersOf(caseFile.path, 'capture_page', "UPDATE capture_page SET title = 'Orders: 40,000 accounts sold'");
    const { failed } = await verifyCaptureRecords(caseFile, evidence_id);
    expect(failed.some((f) => /title.*changed behind the app's back/.test(f.reason))).toBe(true);
    expect(failed.some((f) => /earlier Dossier/.test(f.reason))).toBe(false);
  });
});
