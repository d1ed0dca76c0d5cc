import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): ACQUISITION_CONTRADICTS_CUSTODY compares
// only the acquisition time and person. Edit the source URL after import and the packet is
// exported without a word: its index and slip sheet say the exhibit came from anycaptcha.com,
// its chain of custody ("as recorded at import") that it came from hotmailbox.me.

const pdftotext = packetText;

describe('an exhibit whose source was edited after import', () => {
  it('is not exported into a packet that gives two different sources for it', async () => {
    const dir = tempDir();
    const { file, ids } = await filingCase(dir);
    await dossierJson(['edit', file, ids[0]!, '--source-url', 'https://anycaptcha.com/']);
    const out = path.join(dir, 'p.pdf');
    const result = await dossier(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    if (result.status === 0) {
      const text = pdftotext(out);
      const custody = text.slice(text.indexOf('CHAIN OF CUSTODY'), text.indexOf('AUDIT CHAIN'));
      const rest = text.slice(0, text.indexOf('CHAIN OF CUSTODY')) + text.slice(text.indexOf('AUDIT CHAIN'));
      const custodySays = custody.includes('hotmailbox.me') ? 'hotmailbox.me' : 'anycaptcha.com';
      const elsewhereSays = rest.includes('https://anycaptcha.com/') ? 'anycaptcha.com' : 'hotmailbox.me';
      expect(elsewhereSays).toBe(custodySays);
    } else {
      // Refused like an edited acquisition time: exit 2, the contradiction named.
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/source/i);
    }
  });
});
