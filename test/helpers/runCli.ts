import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `dossier` command in a child process, as a user or script would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, DOSSIER_ACTOR: 'CLI Tester', ...options.env },
    encoding: 'utf8',
    // Bounds a hung command; a 100k-row import on a busy 2-core machine can take over a minute.
    timeout: options.timeoutMs ?? 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and parses `--json` output, failing loudly with stderr when the command failed. */
export function runCliJson<T = unknown>(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): T {
  const result = runCli([...args, '--json'], options);
  if (result.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
