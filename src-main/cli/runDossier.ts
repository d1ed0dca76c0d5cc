import { type Command, CommanderError } from 'commander';
import { type CliIo, markEmbedded, withCliIo } from './cliIo';
import { reportFailure } from './output';

/** What one run of the program printed and how it ended. */
export interface DossierRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `dossier` program on `argv` (the words after `dossier`) with the given streams and
 * returns its exit status. Every failure ends here as one line on stderr.
 */
export async function runProgram(args: readonly string[], io: CliIo, buildProgram: () => Command): Promise<number> {
  return withCliIo(io, async () => {
    try {
      await buildProgram().parseAsync([...args], { from: 'user' });
      return io.exitStatus;
    } catch (error) {
      // Help and version are not errors; commander already printed its message for the rest.
      if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
      return reportFailure(error);
    }
  });
}

/**
 * Runs the program in this process and collects its output: for tests about the CLI's logic,
 * without a child process (and a TypeScript compile) per run. `env` adds to process.env.
 */
export async function runDossier(args: readonly string[], options: { env?: Record<string, string>; errIsTerminal?: boolean } = {}): Promise<DossierRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    writeOut: (text) => {
      stdout += text;
    },
    writeErr: (text) => {
      stderr += text;
    },
    errIsTerminal: options.errIsTerminal ?? false,
    env: { ...process.env, ...options.env },
    exitStatus: 0,
  };
  const status = await runProgram(args, io, await loadBuildProgram());
  return { status, stdout, stderr };
}

/** main.ts's buildProgram, imported without running the command (for runDossier and tests). */
export async function loadBuildProgram(): Promise<() => Command> {
  markEmbedded();
  // Imported here, after markEmbedded, so main.ts builds the program without running it.
  const { buildProgram } = await import('./main');
  return buildProgram;
}
