import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compiledScript } from '../helpers/compiledScript';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./shareRssChild.ts', import.meta.url));

export interface ShareRunMeasure {
  /** peak resident set size of the child process */
  readonly maxRssBytes: number;
  /** time of the createShare/openShare call itself, without process start-up */
  readonly ms: number;
}

/**
 * Runs one share operation (see shareRssChild.ts) in a fresh Node process (compiled once, see compiledScript) and reports its peak RSS
 * (VmHWM, the kernel's high-water mark of the child's own memory: peakRss.ts) and duration. A fresh process
 * per run, so one measurement cannot inherit another's heap.
 * identityFile holds `serializeIdentity` bytes; the share is encrypted to that same identity.
 */
export async function measureShareRss(
  mode: 'create' | 'open' | 'share' | 'receive',
  identityFile: string,
  input: string,
  output: string,
): Promise<ShareRunMeasure> {
  const { stdout } = await run(process.execPath, [compiledScript(CHILD), mode, identityFile, input, output], {
    maxBuffer: 1024 * 1024,
  });
  const last = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as ShareRunMeasure;
}
