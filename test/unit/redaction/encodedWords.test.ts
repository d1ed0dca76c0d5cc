import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../../src-main/redaction/findLeaks';
import { textHolds } from '../../../src-main/redaction/valuePattern';
import { pdfWithPlantedValue } from '../../helpers/plantedLeaks';
import { tempDir } from '../../helpers/tempDir';

const SSN = '219-09-9999';

describe('the leak check decodes MIME encoded words before looking', () => {
  it('finds a value inside a B or Q encoded word, and one split across two words of a folded header', () => {
    expect(textHolds('Subject: =?UTF-8?B?U1NOIDIxOS0wOS05OTk5IGZvciBCb2JieQ==?=', SSN)).toBe(true);
    expect(textHolds('Subject: =?utf-8?q?SSN_219=2D09=2D9999?=', SSN)).toBe(true);
    expect(textHolds('X-Note: =?UTF-8?Q?ref_219-0?=\n =?UTF-8?Q?9=2D9999_end?=', SSN)).toBe(true);
    expect(textHolds('Subject: =?UTF-8?B?U1NOIFhYWC1YWC05OTk5?=', SSN)).toBe(false);
  });

  it('finds it in a PDF that prints the encoded word', async () => {
    const file = path.join(tempDir(), 'planted.pdf');
    fs.writeFileSync(file, await pdfWithPlantedValue('=?UTF-8?B?U1NOIDIxOS0wOS05OTk5IGZvciBCb2JieQ==?=', 'page text'));
    expect((await findLeaks(file, [SSN])).map((l) => l.where)).toContain('page text');
  });
});
