/**
 * Start-up of the `dossier` command against Node's own start, measured in the same run: `--version`
 * (goal <= 3x `node -e 0`) and `info` on a small case (goal <= 5x). Runs the compiled command
 * through bin/dossier.js as an installed `dossier` does, building it first if missing or stale.
 * Median of DOSSIER_BENCH_CLI_RUNS runs (default 15) each, interleaved so load drifts hit all three.
 * `npm run bench cli`, or `npx tsx test/bench/cliBench.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCase } from '../../src-main/case/caseInfo';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { buildCli, cliBuildIsStale } from '../../scripts/build-cli.mjs';
import { type Figure, latencyFigure } from './Figure';
import { median } from './median';

const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');

/** GNU time, when installed: user+system CPU of each run, which a busy machine distorts far less than wall time. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Wall and (with GNU time) CPU milliseconds of one `node ...args` run. */
function timedRun(args: string[]): { wall: number; cpu: number | null } {
  const command = GNU_TIME ? [GNU_TIME, '-f', 'cpu %U %S', process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const cpuLine = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { wall, cpu: cpuLine ? (Number(cpuLine[1]) + Number(cpuLine[2])) * 1000 : null };
}


export async function cliBench(): Promise<Figure[]> {
  if (cliBuildIsStale()) await buildCli();
  const runs = Number(process.env.DOSSIER_BENCH_CLI_RUNS ?? 15);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-cli-'));
  try {
    const caseFile = path.join(dir, 'bench.dossier');
    closeCaseFile(createCase(caseFile, { title: 'CLI bench' }, { name: 'Bench', device: 'bench' }));
    const node: ReturnType<typeof timedRun>[] = [];
    const version: ReturnType<typeof timedRun>[] = [];
    const info: ReturnType<typeof timedRun>[] = [];
    timedRun([BIN, 'info', caseFile]); // warm the OS file cache for all three
    for (let i = 0; i < runs; i += 1) {
      node.push(timedRun(['-e', '0']));
      version.push(timedRun([BIN, '--version']));
      info.push(timedRun([BIN, 'info', caseFile]));
    }
    const wall = (list: ReturnType<typeof timedRun>[]) => median(list.map((r) => r.wall));
    const figures = [
      latencyFigure('cli.start.version', wall(version), wall(node), 'ms', `dossier --version vs node -e 0, wall, median of ${runs}; goal ratio >= 0.33 (<= 3x)`),
      latencyFigure('cli.start.info', wall(info), wall(node), 'ms', `dossier info on a new case vs node -e 0, wall, median of ${runs}; goal ratio >= 0.2 (<= 5x)`),
    ];
    if (GNU_TIME) {
      // GNU time reports 10 ms steps: the CPU figures are coarse but robust to a busy machine.
      const cpu = (list: ReturnType<typeof timedRun>[]) => Math.max(10, median(list.map((r) => r.cpu ?? 0)));
      figures.push(
        latencyFigure('cli.start.version.cpu', cpu(version), cpu(node), 'ms CPU', 'user+system CPU, median; same goals'),
        latencyFigure('cli.start.info.cpu', cpu(info), cpu(node), 'ms CPU', 'user+system CPU, median; same goals'),
      );
    }
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await cliBench(), null, 2));
}
