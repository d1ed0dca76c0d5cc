import type { Command } from 'commander';
import { loadBuildProgram, runDossier } from '../../src-main/cli/runDossier';
import type { CliResult } from './runCli';

/** Contract channel -> the commands (`site add`, `edit` ...) whose runs dispatched it, in this test file. */
export const dispatchedBy = new Map<string, Set<string>>();

let program: Command | undefined;

/** The command path an argv names: its leading words that are (sub)command names. */
async function commandPath(args: string[]): Promise<string> {
  program ??= (await loadBuildProgram())();
  const words: string[] = [];
  let at: Command | undefined = program;
  for (const word of args) {
    at = at?.commands.find((c) => c.name() === word);
    if (!at) break;
    words.push(word);
  }
  return words.join(' ');
}

/**
 * Runs the `dossier` program in this process (same commands, same contract, same output) and
 * collects what it printed: for tests about the CLI's logic. runCli spawns the real process and
 * is kept for what only a process shows (exit codes, the bin script, stdio).
 */
export async function dossier(args: string[], options: { env?: Record<string, string>; errIsTerminal?: boolean } = {}): Promise<CliResult & { channels: string[] }> {
  const result = await runDossier(args, { ...options, env: { DOSSIER_ACTOR: 'CLI Tester', ...options.env } });
  const command = await commandPath(args);
  for (const channel of result.channels) dispatchedBy.set(channel, (dispatchedBy.get(channel) ?? new Set()).add(command));
  return result;
}

/** Runs with --json and parses stdout, failing loudly with stderr when the command failed. */
export async function dossierJson<T = unknown>(args: string[], env?: Record<string, string>): Promise<T> {
  const result = await dossier([...args, '--json'], env ? { env } : {});
  if (result.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
