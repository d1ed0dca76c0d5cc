import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { harEntry, harJson, newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): a web capture exhibit is shown in the packet
// as its captured pages only (facts + text or a rendering). Its other records, here the JSON API
// response that is the actual evidence of the sale, are in no page of the packet. Yet the
// declaration swears without qualification that "Each exhibit that can be reproduced as pages
// appears in the Packet as stored", and --json has no "partial" for it.

const pdftotext = packetText;
const savedRendering = process.env.DOSSIER_CAPTURE_RENDERING;
afterEach(() => {
  if (savedRendering === undefined) delete process.env.DOSSIER_CAPTURE_RENDERING;
  else process.env.DOSSIER_CAPTURE_RENDERING = savedRendering;
});

describe('a web capture exhibit in a packet', () => {
  it('is not sworn to appear "as stored" when records of it are on no page of the packet', async () => {
    // Text, not a Chromium rendering, so the test does not depend on a browser; the API record is on no page either way.
    process.env.DOSSIER_CAPTURE_RENDERING = 'off';
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const har = path.join(dir, 'shop.har');
    fs.writeFileSync(har, harJson([
      harEntry('https://hotmailbox.me/', 'text/html', '<html><body><h1>Buy accounts</h1></body></html>'),
      harEntry('https://hotmailbox.me/api/order', 'application/json', '{"order":"API-ORDER-7731","accounts":5000,"paid":"BTC"}'),
    ]));
    await dossierJson(['capture', 'import', file, har]);
    const out = path.join(dir, 'p.pdf');
    const result = await dossierJson<{ exhibits: { partial?: string }[] }>(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    // The API record is stored in the exhibit but is on no page of the packet.
    expect(text).not.toContain('API-ORDER-7731');
    // So the packet must not swear the exhibit appears as stored, unqualified.
    const declaration = text.slice(text.indexOf('DECLARATION OF JANE ROE'), text.indexOf('INDEX OF EXHIBITS'));
    expect(declaration).not.toMatch(/Each exhibit that can be reproduced as pages appears in the Packet as stored, behind a slip sheet/);
    expect(result.exhibits[0]!.partial).toBeTruthy();
    // What is left out is named, there and where it is sworn.
    expect(result.exhibits[0]!.partial).toMatch(/application\/json response: 1/);
    expect(declaration).toMatch(/Exhibit 1 is shown only in part: .*application\/json response: 1/);
  });
});
