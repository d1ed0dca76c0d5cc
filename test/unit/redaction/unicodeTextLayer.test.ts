import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rasterisePdfPages } from '../../../src-main/redaction/rasterisePdfPages';
import { multilingualStatement } from '../../helpers/redactionFixtures';
import { tempDir } from '../../helpers/tempDir';

const label = 'REDACTED - FRCP 5.2(a)(4)';

describe('the rebuilt text layer of a redacted page', () => {
  it('keeps Cyrillic and Greek words searchable (an embedded Unicode font, not WinAnsi Helvetica)', async () => {
    const dir = tempDir();
    const src = path.join(dir, 'statement.pdf');
    await multilingualStatement(src);
    const out = await rasterisePdfPages(fs.readFileSync(src), { values: [{ value: '000123456789', kept: 'XXXXXXXX6789', label }], boxes: [] });
    expect(out.redactedPages).toEqual([1]);
    const file = path.join(dir, 'redacted.pdf');
    fs.writeFileSync(file, out.bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const word of ['Выписка', 'Сбербанк', 'счёту', 'Λογαριασμός', 'Αθήνα', 'Платёж', 'закладок', 'Account']) expect(text, word).toContain(word);
    // The kept form is a word of its own, not run into the word before the box.
    expect(text).toContain(`Account No. XXXXXXXX6789 [${label}]`);
    expect(text).not.toContain('123456789');
    // The page is a picture: no font of the original page is left; the text layer is set in an
    // embedded Unicode face (Noto Sans), not in WinAnsi Helvetica.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).not.toMatch(/SourcePageFont|Helvetica/);
    expect(fonts).toMatch(/NotoSans/);
  });
});
