import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../src-main/contract/redaction';
import { dossierJson } from '../helpers/dossierInProcess';
import { writeRedactionFixtures } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

const SIGNED = ['--declarant', 'Jane Roe', '--declarant-role', 'Special Agent', '--place', 'New York, New York'];

describe('the ECF attachment list of a redacted filing', () => {
  it('describes a redacted exhibit as redacted in the public set and as unredacted under seal in the sealed set; others as they are', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir);
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Storm-1152 payments']);
    await dossierJson(['evidence', 'add', file, fx.text]);
    const plain = path.join(dir, 'plain.txt');
    fs.writeFileSync(plain, 'Nothing personal in here.\n');
    await dossierJson(['evidence', 'add', file, plain]);
    await dossierJson(['redact', 'scan', file]);
    for (const r of await dossierJson<Redaction[]>(['redact', 'list', file, '--status', 'pending'])) await dossierJson(['redact', 'accept', file, r.id]);

    fs.mkdirSync(path.join(dir, 'public'));
    const made = await dossierJson<{ productionId: string }>(['packet', file, '--out', path.join(dir, 'public', 'main.pdf'), '--layout', 'ecf', ...SIGNED]);
    fs.mkdirSync(path.join(dir, 'sealed'));
    await dossierJson(['packet', file, '--production', made.productionId, '--sealed', '--out', path.join(dir, 'sealed', 'main.pdf')]);
    const rows = (set: string) => JSON.parse(fs.readFileSync(path.join(dir, set, 'attachments.json'), 'utf8')) as { description: string }[];
    const [pub1, pub2] = rows('public');
    const [sealed1, sealed2] = rows('sealed');
    expect(pub1!.description).toContain('(redacted under Fed. R. Civ. P. 5.2)');
    expect(sealed1!.description).toContain('(unredacted, filed under seal)');
    for (const other of [pub2!, sealed2!]) expect(other.description).not.toMatch(/redacted|seal/i);
  });
});
