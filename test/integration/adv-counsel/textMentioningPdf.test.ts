import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): a plain-text proxy log (imported as
// text/plain) whose first kilobyte mentions "%PDF-1.7" (a logged download) is taken for a PDF:
// the packet leaves it out and its slip sheet states "The PDF is damaged: its list of pages cannot
// be read". The file is not a PDF and is not damaged; the log is simply withheld.

const pdftotext = packetText;

describe('a text exhibit that mentions %PDF-', () => {
  it('is shown as text, not described as a damaged PDF', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const log = path.join(dir, 'proxy.log');
    fs.writeFileSync(log, 'proxy log\nGET /invoice.pdf 200 first bytes: %PDF-1.7\nGET /panel 200 user=admin\n');
    const added = await dossierJson<{ items: { evidence: { media_type: string } }[] }>(['evidence', 'add', file, log]);
    expect(added.items[0]!.evidence.media_type).toBe('text/plain');
    const out = path.join(dir, 'p.pdf');
    const result = await dossierJson<{ exhibits: { rendering: string; note?: string }[] }>(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    expect(text).not.toMatch(/The PDF is damaged|could not be read as a PDF/);
    expect(result.exhibits[0]!.rendering).toBe('text');
    expect(text).toContain('GET /panel 200 user=admin');
  });
});
