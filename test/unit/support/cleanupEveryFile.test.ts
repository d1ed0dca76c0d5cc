import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';

/**
 * Whatever file ran before this one in the same worker (files share loaded modules), the helpers'
 * cleanup runs after each test here too (test/support/afterEachTest.ts). With the hooks at the top
 * of the helper modules, only the first file of a worker to import them had them.
 */
describe('cleanup after each test, in every test file', () => {
  let folder = '';
  let caseFile: CaseFile | undefined;

  it('a test makes a temp folder and opens a case file', () => {
    folder = tempDir();
    fs.writeFileSync(`${folder}/left.txt`, 'x');
    caseFile = newTestCase();
    expect(caseFile.db.open).toBe(true);
  });

  it('the next test finds the folder removed and the case file closed', () => {
    expect(folder).not.toBe('');
    expect(fs.existsSync(folder)).toBe(false);
    expect(caseFile?.db.open).toBe(false);
  });
});
