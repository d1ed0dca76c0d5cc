import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';

async function importError(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

describe('the open case file is never imported into itself, under any name', () => {
  it('a hard link to the case file (another name, same device and inode) is refused like a symlink and the path itself; nothing is stored', async () => {
    const cf = newTestCase();
    const folder = path.join(tempDir(), 'in');
    fs.mkdirSync(folder);
    const hardLink = path.join(folder, 'hl.bin');
    fs.linkSync(cf.path, hardLink);
    const symLink = path.join(folder, 'sl.bin');
    fs.symlinkSync(cf.path, symLink);
    for (const name of [hardLink, symLink, cf.path]) {
      const error = await importError(importEvidence(cf, [name]));
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toContain(name);
      expect(error.message).toMatch(/case file itself/);
    }
    expect(cf.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
  });

  it('a hard link to a side file SQLite keeps beside the case (here a -wal left by another program) is refused too', async () => {
    const cf = newTestCase();
    const sideFile = `${cf.path}-wal`;
    fs.writeFileSync(sideFile, '');
    const hardLink = path.join(tempDir(), 'wal-copy.bin');
    fs.linkSync(sideFile, hardLink);
    try {
      const error = await importError(importEvidence(cf, [hardLink]));
      expect(error.code).toBe('INVALID_REQUEST');
    } finally {
      fs.rmSync(sideFile, { force: true });
    }
  });

  it('a copy of the case file is ordinary evidence (it is another file)', async () => {
    const cf = newTestCase();
    const copy = path.join(tempDir(), 'copy.dossier');
    fs.copyFileSync(cf.path, copy);
    const { items } = await importEvidence(cf, [copy]);
    expect(items).toHaveLength(1);
  });
});
