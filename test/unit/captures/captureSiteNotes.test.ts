import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCapture } from '../../../src-main/captures/importCapture';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';
import { addWebsite } from '../../../src-main/websites/websiteService';
import { oneHtmlPageHar } from '../../helpers/advHar';
import { handMadeWarc } from '../../helpers/handMadeWarc';

/*
 * Importing a capture links it to the websites it shows and writes what it did into the case: the
 * link's note, the website's "evidence captured" status note and, for a website it adds, the
 * website's notes. A capture time without a zone names no instant (contract/statedTime); the words
 * kept in the case must say so, as packets and the UI do, or a reader takes it for UTC.
 */
function har(startedDateTime: string): string {
  const file = path.join(tempDir(), 'shop.har');
  fs.writeFileSync(file, oneHtmlPageHar({ url: 'https://hotmailbox.me/shop', html: '<title>Shop</title>', startedDateTime }));
  return file;
}

function notesWritten(caseFile: ReturnType<typeof newTestCase>): { link: string; status: string; website: string } {
  return {
    link: caseFile.db.prepare("SELECT note FROM link WHERE relation = 'captured'").pluck().get() as string,
    status: caseFile.db.prepare("SELECT note FROM website_status_event WHERE status = 'evidence_captured'").pluck().get() as string,
    website: caseFile.db.prepare('SELECT notes FROM website').pluck().get() as string,
  };
}

describe('what a capture import writes about the capture time', () => {
  it.each([
    ['a time the capture gave without a zone says "no time zone stated"', '2024-03-01T12:00:00.000', '2024-03-01T12:00:00.000, no time zone stated'],
    ['an instant is written as before', '2024-03-01T12:00:00.000Z', '2024-03-01T12:00:00.000Z'],
  ])('%s', async (_name, startedDateTime, words) => {
    const caseFile = newTestCase();
    await importCapture(caseFile, har(startedDateTime), { createSites: true });
    expect(notesWritten(caseFile)).toEqual({
      link: `Captured ${words} (1 page)`,
      status: `Captured ${words} (1 page)`,
      website: `Added from a web capture (first captured ${words}).`,
    });
  });
});

/*
 * A capture that states no usable time (a WARC-Date "last thursday", a HAR with none) gives no date
 * for the website's "evidence captured" event: the event table requires a time, and the product
 * rule forbids inventing one or storing words as a date (they sorted after every real date and were
 * printed as one). The capture is still linked to the website, and every note and the import's
 * answer say plainly that the capture states no usable time.
 */
describe('a capture that states no usable time', () => {
  function warc(date: string): string {
    const file = path.join(tempDir(), 'shop.warc');
    fs.writeFileSync(file, handMadeWarc({ url: 'https://hotmailbox.me/shop', date, html: '<title>Shop</title>' }));
    return file;
  }
  const NO_TIME = 'the capture states no usable time';

  it.each([
    ['a WARC-Date that is no time', () => warc('last thursday')],
    ['a WARC record with no WARC-Date', () => warc('')],
    ['a HAR whose startedDateTime is no time', () => har('last thursday')],
  ])('%s: linked and said so, with no dated lifecycle event', async (_name, file) => {
    const caseFile = newTestCase();
    const result = await importCapture(caseFile, file(), { createSites: true });
    expect(result.websites).toEqual([expect.objectContaining({ host: 'hotmailbox.me', created: true, captured_at: null })]);
    const link = caseFile.db.prepare("SELECT note FROM link WHERE relation = 'captured'").pluck().get() as string;
    expect(link).toBe(`Captured (1 page); ${NO_TIME}, so no capture date is recorded`);
    expect(caseFile.db.prepare('SELECT notes FROM website').pluck().get()).toBe(`Added from a web capture (${NO_TIME}).`);
    expect(caseFile.db.prepare("SELECT count(*) FROM website_status_event WHERE status = 'evidence_captured'").pluck().get()).toBe(0);
    expect(caseFile.db.prepare('SELECT status FROM website').pluck().get()).toBe('identified');
  });

  it('a site chosen with --website gets no invented time (not the time of the import)', async () => {
    const caseFile = newTestCase();
    const site = addWebsite(caseFile, { input: 'other.example' });
    const result = await importCapture(caseFile, warc('last thursday'), { websiteId: site.id });
    expect(result.websites).toEqual([{ id: site.id, host: 'other.example', created: false, captured_at: null }]);
    expect(caseFile.db.prepare("SELECT count(*) FROM website_status_event WHERE status = 'evidence_captured'").pluck().get()).toBe(0);
  });

  it('the earliest usable time of a host is dated; its pages with no usable time do not hide it', async () => {
    const caseFile = newTestCase();
    const file = path.join(tempDir(), 'two.warc');
    fs.writeFileSync(
      file,
      Buffer.concat([
        handMadeWarc({ url: 'https://hotmailbox.me/a', date: 'last thursday', html: '<title>A</title>' }),
        handMadeWarc({ url: 'https://hotmailbox.me/b', date: '2024-03-01T12:00:00Z', html: '<title>B</title>' }),
      ]),
    );
    const result = await importCapture(caseFile, file, { createSites: true });
    expect(result.websites).toEqual([expect.objectContaining({ captured_at: '2024-03-01T12:00:00.000Z' })]);
    expect(caseFile.db.prepare("SELECT at FROM website_status_event WHERE status = 'evidence_captured'").pluck().all()).toEqual(['2024-03-01T12:00:00.000Z']);
  });

  it('a time without a zone is still dated, as written, and says so', async () => {
    const caseFile = newTestCase();
    const result = await importCapture(caseFile, warc('2024-03-01T12:00:00'), { createSites: true });
    expect(result.websites).toEqual([expect.objectContaining({ captured_at: '2024-03-01T12:00:00.000' })]);
    expect(caseFile.db.prepare("SELECT at, note FROM website_status_event WHERE status = 'evidence_captured'").all()).toEqual([
      { at: '2024-03-01T12:00:00.000', note: 'Captured 2024-03-01T12:00:00.000, no time zone stated (1 page)' },
    ]);
  });
});
