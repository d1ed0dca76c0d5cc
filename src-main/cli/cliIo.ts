import { AsyncLocalStorage } from 'node:async_hooks';
import { guardOutputStream } from './guardOutputStream';

/**
 * Where one run of the `dossier` program writes, and the exit status it ends with. The real
 * command writes to the process streams; tests run the program in process (runDossier) and
 * collect what it wrote, without a child process per run. Kept in async context so two runs in
 * one process never mix their output.
 */
export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Whether a person watches stderr (progress lines are drawn only then). */
  readonly errIsTerminal: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  exitStatus: number;
  /** When set, every contract channel the run dispatches is appended (tests check the channel table with it). */
  dispatched?: string[];
}

const storage = new AsyncLocalStorage<CliIo>();
let processWriters: { out: (text: string) => void; err: (text: string) => void } | undefined;

/** The streams of this process, for the real command (guarded once: a closed reader is no crash). */
export function processIo(): CliIo {
  processWriters ??= { out: guardOutputStream(process.stdout, 'stdout'), err: guardOutputStream(process.stderr, 'stderr') };
  const { out, err } = processWriters;
  return {
    writeOut: out,
    writeErr: err,
    errIsTerminal: Boolean(process.stderr.isTTY),
    env: process.env,
    exitStatus: 0,
  };
}

/** Runs `work` with `io` as the current run's streams. */
export function withCliIo<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  return storage.run(io, work);
}

/** The current run's streams (the process's own outside any run). */
export function cliIo(): CliIo {
  const current = storage.getStore();
  if (current) return current;
  // Made on first use, so importing the program (tests run it in process) leaves this process's streams alone.
  fallback ??= processIo();
  return fallback;
}
let fallback: CliIo | undefined;

/** Sets the exit status of the current run (3 broken audit, 4 failed verification, ...). */
export function setExitStatus(status: number): void {
  cliIo().exitStatus = status;
}

let embedded = false;
/** Called by runDossier: the program runs inside another (a test), so main.ts must not run itself. */
export function markEmbedded(): void {
  embedded = true;
}
/** Whether main.ts was imported to build the program rather than run as the command. */
export function isEmbedded(): boolean {
  return embedded;
}
