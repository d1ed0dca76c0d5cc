import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { harEntry, harJson, newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): when a captured page is shown as text (no
// rendering), text the page never displayed (the hidden attribute, inline display:none or
// visibility:hidden: SEO stuffing, decoy terms) is printed as "the page's text", in line with the
// visible text and indistinguishable from it. The packet then shows the court words the site's
// visitors never saw.

const pdftotext = packetText;
const savedRendering = process.env.DOSSIER_CAPTURE_RENDERING;
afterEach(() => {
  if (savedRendering === undefined) delete process.env.DOSSIER_CAPTURE_RENDERING;
  else process.env.DOSSIER_CAPTURE_RENDERING = savedRendering;
});

const HTML = '<html><head><title>Shop</title></head><body><h1>Buy verified accounts</h1>'
  + '<p hidden>Microsoft partner</p><p style="display:none">officially licensed reseller</p>'
  + '<p style="visibility:hidden">endorsed by Outlook</p><p>Price 0.01</p></body></html>';

describe('a captured page shown as its text', () => {
  it('does not print text the page hid as if it were shown', async () => {
    process.env.DOSSIER_CAPTURE_RENDERING = 'off';
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const har = path.join(dir, 'shop.har');
    fs.writeFileSync(har, harJson([harEntry('https://hotmailbox.me/', 'text/html', HTML)]));
    await dossierJson(['capture', 'import', file, har]);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdftotext(out);
    const shown = text.slice(text.lastIndexOf('— text'));
    expect(shown).toContain('Buy verified accounts');
    // Hidden text is left out, or at least not printed in line with what the page showed.
    expect(shown).not.toMatch(/Buy verified accounts Microsoft partner officially licensed reseller endorsed by Outlook Price 0\.01/);
    // Dossier labels each hidden line, and only those, and says on the facts page what it checked.
    expect(shown).toContain("Buy verified accounts [hidden by the page's markup] Microsoft partner [hidden by the page's markup] officially licensed reseller [hidden by the page's markup] endorsed by Outlook Price 0.01");
    expect(text).toMatch(/3 lines the page's own markup hides .* are labelled \[hidden by the page's markup\]\. Text hidden by style sheets or scripts is not detected\./);
  });
});
