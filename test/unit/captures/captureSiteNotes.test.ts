import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCapture } from '../../../src-main/captures/importCapture';
import { newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';
import { oneHtmlPageHar } from '../../helpers/advHar';

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
