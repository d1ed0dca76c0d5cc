import { runDossier } from '../../src-main/cli/runDossier';
import type { CliResult } from './runCli';

/**
 * Runs the `dossier` program in this process (same commands, same contract, same output) and
 * collects what it printed: for tests about the CLI's logic. runCli spawns the real process and
 * is kept for what only a process shows (exit codes, the bin script, stdio).
 */
export async function dossier(args: string[], options: { env?: Record<string, string>; errIsTerminal?: boolean } = {}): Promise<CliResult> {
  return runDossier(args, { ...options, env: { DOSSIER_ACTOR: 'CLI Tester', ...options.env } });
}

/** Runs with --json and parses stdout, failing loudly with stderr when the command failed. */
export async function dossierJson<T = unknown>(args: string[]): Promise<T> {
  const result = await dossier([...args, '--json']);
  if (result.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
