import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCustody } from '../../../src-main/evidence/custody';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { writeFile } from './evidenceFiles';

describe('a file imported through a symbolic link', () => {
  it("records the name of the file whose bytes were stored as original_name, and both names in the import's custody entry", async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const real = writeFile(dir, 'bank-statement.txt', 'the bytes that were stored');
    const link = path.join(tempDir(), 'harmless.txt');
    fs.symlinkSync(real, link);
    const { items } = await importEvidence(cf, [link]);
    const exhibit = items[0]!.evidence;
    expect(items[0]!.path).toBe(link); // the path as the user gave it
    expect(exhibit.original_name).toBe('bank-statement.txt');
    expect(exhibit.title).toBe('bank-statement.txt');
    const imported = listCustody(cf, exhibit.id).find((e) => e.action === 'imported')!;
    expect(imported.location).toBe(link);
    expect(imported.details).toContain(`through the symbolic link ${link}`);
    expect(imported.details).toContain(fs.realpathSync(real));
  });

  it('a path through a symlinked folder keeps the file name and says where the file really is', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const real = writeFile(dir, 'chat.log', 'log lines');
    const alias = path.join(tempDir(), 'share');
    fs.symlinkSync(dir, alias);
    const given = path.join(alias, 'chat.log');
    const { items } = await importEvidence(cf, [given]);
    expect(items[0]!.evidence.original_name).toBe('chat.log');
    const imported = listCustody(cf, items[0]!.evidence.id).find((e) => e.action === 'imported')!;
    expect(imported.details).toContain(`through the symbolic link ${given}`);
    expect(imported.details).toContain(fs.realpathSync(real));
  });

  it('a plain path records no link', async () => {
    const cf = newTestCase();
    const file = writeFile(tempDir(), 'plain.txt', 'plain');
    const { items } = await importEvidence(cf, [file]);
    const imported = listCustody(cf, items[0]!.evidence.id).find((e) => e.action === 'imported')!;
    expect(imported.details).not.toMatch(/symbolic link/);
  });
});
