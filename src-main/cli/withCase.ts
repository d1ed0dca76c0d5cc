import type { CaseFile } from '../casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../casefile/openCaseFile';
import { cliActor } from './contractSession';
import type { GlobalOptions } from './output';

export { cliActor };

/**
 * Opens the case file for one command and always closes it, so no journal is left beside it.
 * Only for the commands that have no contract channel (demo) or whose report the contract does
 * not carry (packet export): every other command goes through withContract.
 */
export async function withCase<T>(file: string, options: GlobalOptions, work: (caseFile: CaseFile) => T | Promise<T>): Promise<T> {
  const caseFile = openCaseFile(file, { actor: cliActor(options) });
  try {
    return await work(caseFile);
  } finally {
    closeCaseFile(caseFile);
  }
}
