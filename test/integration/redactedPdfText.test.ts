import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../src-main/contract/redaction';
import { dossierJson } from '../helpers/dossierInProcess';
import { multilingualStatement, packetArgs } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

describe('a redacted PDF page in the public packet', () => {
  it('stays searchable for its Cyrillic and Greek words, the account number gone', async () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'statement.pdf');
    await multilingualStatement(pdf);
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Statement']);
    await dossierJson(['evidence', 'add', file, pdf]);
    await dossierJson(['redact', 'scan', file]);
    const found = await dossierJson<Redaction[]>(['redact', 'list', file]);
    expect(found.map((r) => [r.category, r.value])).toEqual([['account_number', '000123456789']]);
    await dossierJson(['redact', 'accept', file, found[0]!.id]);
    const out = path.join(dir, 'public.pdf');
    await dossierJson(packetArgs(file, out));
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Выписка по счёту Сбербанк');
    expect(text).toContain('Λογαριασμός πελάτη Αθήνα');
    expect(text).toContain('Account No. XXXXXXXX6789 [REDACTED - FRCP 5.2(a)(4)]');
    expect(text).not.toContain('123456789');
  });
});
