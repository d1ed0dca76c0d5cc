import type { Command } from 'commander';
import { type CliIo, markEmbedded } from './cliIo';
import { runProgram } from './runProgram';

/** What one run of the program printed and how it ended. */
export interface DossierRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The contract channels the run dispatched, in order. */
  channels: string[];
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
    dispatched: [],
  };
  const status = await runProgram(args, io, await loadBuildProgram());
  return { status, stdout, stderr, channels: io.dispatched ?? [] };
}

/** main.ts's buildProgram, imported without running the command (for runDossier and tests). */
export async function loadBuildProgram(): Promise<() => Command> {
  markEmbedded();
  // Imported here, after markEmbedded, so main.ts builds the program without running it.
  const { buildProgram } = await import('./main');
  return buildProgram;
}
