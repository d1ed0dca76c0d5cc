import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../../src-main/redaction/findLeaks';
import { markRedactions, redactText } from '../../../src-main/redaction/redactText';
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

  it("finds a value in an RFC 2231 extended parameter, whole or in segments, and redacts it there", () => {
    expect(textHolds("Content-Disposition: attachment; filename*=UTF-8''%32%31%39%2D%30%39%2D%39%39%39%39.txt", SSN)).toBe(true);
    const split = "Content-Disposition: attachment;\n filename*0*=UTF-8''%32%31%39%2D%30; filename*1*=%39%2D%39%39%39%39.txt";
    expect(textHolds(split, SSN)).toBe(true);
    const redactions = { values: [{ value: SSN, kept: 'XXX-XX-9999', label: 'REDACTED - FRCP 5.2(a)(1)' }], boxes: [] };
    const printed = redactText(split, redactions);
    expect(printed).toBe(`Content-Disposition: attachment;\n filename*0*=UTF-8''XXXXXXXXXXXXXXX; filename*1*=${'X'.repeat(22)} [REDACTED - FRCP 5.2(a)(1)]`);
    expect(textHolds(printed, SSN)).toBe(false);
    expect([...markRedactions(split, redactions)].length).toBe([...printed].length);
  });

  it('finds it in a PDF that prints the encoded word', async () => {
    const file = path.join(tempDir(), 'planted.pdf');
    fs.writeFileSync(file, await pdfWithPlantedValue('=?UTF-8?B?U1NOIDIxOS0wOS05OTk5IGZvciBCb2JieQ==?=', 'page text'));
    expect((await findLeaks(file, [SSN])).map((l) => l.where)).toContain('page text');
  });
});
