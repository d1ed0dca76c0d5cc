import { localActor } from '../casefile/Actor';
import type { CaseFile } from '../casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../casefile/openCaseFile';
import type { GlobalOptions } from './output';

export function cliActor(options: GlobalOptions) {
  return localActor(options.actor ?? process.env.DOSSIER_ACTOR);
}

/** Opens the case file for one command and always closes it, so no journal is left beside it. */
export async function withCase<T>(file: string, options: GlobalOptions, work: (caseFile: CaseFile) => T | Promise<T>): Promise<T> {
  const caseFile = openCaseFile(file, { actor: cliActor(options) });
  try {
    return await work(caseFile);
  } finally {
    closeCaseFile(caseFile);
  }
}
