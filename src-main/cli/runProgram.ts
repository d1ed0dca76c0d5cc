import { type Command, CommanderError } from 'commander';
import { type CliIo, withCliIo } from './cliIo';
import { reportFailure } from './output';

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
