import { localActor } from '../casefile/Actor';
import type { CaseFile } from '../casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../casefile/openCaseFile';
import type { GlobalOptions } from './output';

export function cliActor(options: GlobalOptions) {
  return localActor(options.actor ?? process.env.DOSSIER_ACTOR);
}

/**
 * Opens the case file for one command and always closes it, so no journal is left beside it.
 * Read commands pass `{ readonly: true }`: nothing is written, no schema upgrade, no backup.
 */
export async function withCase<T>(
  file: string,
  options: GlobalOptions,
  work: (caseFile: CaseFile) => T | Promise<T>,
  mode: { readonly?: boolean } = {},
): Promise<T> {
  const caseFile = openCaseFile(file, { actor: cliActor(options), readonly: mode.readonly ?? false });
  try {
    return await work(caseFile);
  } finally {
    closeCaseFile(caseFile);
  }
}
