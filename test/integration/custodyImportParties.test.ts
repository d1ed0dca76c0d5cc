import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';
import { packetText } from './adv-counsel/advCase';

// The custody report printed "? → case file storm.dossier" for the import of a file with no
// acquisition recorded: a question mark where the record holds a plain fact (the file it was read from).

describe('the parties of a custody event in the packet', () => {
  it('never prints "?" for a party: an import with no acquirer comes from the file it was read from', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = packetText(out);
    const custody = text.slice(text.indexOf('CHAIN OF CUSTODY'), text.indexOf('AUDIT CHAIN AND CASE FILE HASH'));
    expect(custody).not.toMatch(/\? →|→ \?/);
    // access.log was imported with no acquisition: its bytes went from that file into the case file.
    expect(custody).toContain('file access.log → case file storm.dossier');
    // storefront.txt names its acquirer, who handed it over, as before.
    expect(custody).toContain('A. Investigator → case file storm.dossier');
  });
});
