import path from 'node:path';
import type { Actor } from '../../src-main/casefile/Actor';
import type { CaseFile } from '../../src-main/casefile/CaseFile';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { createCase } from '../../src-main/case/caseInfo';
import { tempDir } from './tempDir';

export const ALICE: Actor = { name: 'Alice Investigator', device: 'alice-laptop' };
export const BOB: Actor = { name: 'Bob Counsel', device: 'bob-desktop' };

const open: CaseFile[] = [];

/** A new case file in a temp folder, closed after the test. */
export function newTestCase(actor: Actor = ALICE, title = 'Operation Test'): CaseFile {
  const caseFile = createCase(path.join(tempDir(), 'test.dossier'), { title, code_name: 'TEST' }, actor);
  open.push(caseFile);
  return caseFile;
}

/** Registers a case file opened by the test so it is closed afterwards. */
export function track(caseFile: CaseFile): CaseFile {
  open.push(caseFile);
  return caseFile;
}

/** Closes the case files the test opened (test/support/afterEachTest.ts runs it after every test). */
export function closeTestCases(): void {
  for (const caseFile of open.splice(0)) closeCaseFile(caseFile);
}
