import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../helpers/dossierInProcess';
import { SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';
import { newFilingCase, packetText } from './adv-counsel/advCase';

// A zero-byte file is evidence too (a log that was empty when seized). Its slip sheet said "Files
// of type application/octet-stream cannot be reproduced as pages", as if its content were in a
// form the packet cannot show; the truth is that it has no content.

describe('an empty evidence file in a packet', () => {
  it('has a slip sheet that says the file is empty (0 bytes), not that its type cannot be reproduced', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const empty = path.join(dir, 'seized.log.txt');
    fs.writeFileSync(empty, '');
    await dossierJson(['evidence', 'add', file, empty]);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = packetText(out);
    expect(text).toMatch(/The file is empty \(0 bytes\)/);
    expect(text).not.toContain('cannot be reproduced as pages. The file is not part');
    expect(text).not.toMatch(/Files of type [^ ]+ cannot be reproduced/);
    // The declaration says the same: not "cannot be reproduced as pages", but empty.
    expect(text).toContain('Exhibit 1 is an empty file (0 bytes)');
    expect(text).not.toContain('Exhibit 1 cannot be reproduced as pages');
  });
});
