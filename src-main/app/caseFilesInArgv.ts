import path from 'node:path';

/**
 * Case files named on a command line: how the OS hands us a double-clicked .dossier file on
 * Windows and Linux (macOS uses the 'open-file' event), in the first or a second instance.
 */
export function caseFilesInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.dossier'))
    .map((arg) => path.resolve(cwd, arg));
}
