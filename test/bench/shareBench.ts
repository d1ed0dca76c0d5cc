/**
 * Share benchmark: our streaming encryption/decryption against the Debian `age` CLI on the same
 * file in the same run, and the peak memory of a 1 GiB share against a small one.
 * `export shareBench` for test/bench/run.ts; `npx tsx test/bench/shareBench.ts [MiB]` prints JSON.
 */
import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { serializeIdentity } from '../../src-main/share/identityBytes';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import { measureShareRss } from '../support/measureShareRss';

const run = promisify(execFile);
const MiB = 1024 * 1024;

export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly baseline: number;
  /** value / baseline */
  readonly ratio: number;
  readonly unit: string;
}

export interface ShareBenchOptions {
  /** size of the case snapshot; default 1 GiB */
  bytes?: number;
  /** scratch folder (needs ~4x bytes free); default a temp folder, removed afterwards */
  dir?: string;
}

export async function shareBench(options: ShareBenchOptions = {}): Promise<BenchFigure[]> {
  const bytes = options.bytes ?? 1024 * MiB;
  const dir = fs.mkdtempSync(path.join(options.dir ?? os.tmpdir(), 'dossier-bench-'));
  try {
    const identity = await generateUserIdentity('Bench');
    const identityFile = path.join(dir, 'me.identity');
    fs.writeFileSync(identityFile, serializeIdentity(identity));
    const ageKeyFile = path.join(dir, 'me.agekey');
    fs.writeFileSync(ageKeyFile, `${identity.ageIdentity}\n`);
    const snapshot = writeRandomFile(path.join(dir, 'case.dossier'), bytes);
    const small = writeRandomFile(path.join(dir, 'small.dossier'), 8 * MiB);

    // age CLI on the same file, same run: the baseline for throughput.
    const cliEncryptMs = await timed(() => run('/usr/bin/age', ['-r', identity.publicIdentity.ageRecipient, '-o', path.join(dir, 'cli.age'), snapshot]));
    const cliDecryptMs = await timed(() => run('/usr/bin/age', ['-d', '-i', ageKeyFile, '-o', path.join(dir, 'cli.out'), path.join(dir, 'cli.age')]));
    fs.rmSync(path.join(dir, 'cli.out'));

    const create = await measureShareRss('create', identityFile, snapshot, path.join(dir, 'big.dossier.age'));
    const open = await measureShareRss('open', identityFile, path.join(dir, 'big.dossier.age'), path.join(dir, 'big-out'));
    const createSmall = await measureShareRss('create', identityFile, small, path.join(dir, 'small.dossier.age'));
    const openSmall = await measureShareRss('open', identityFile, path.join(dir, 'small.dossier.age'), path.join(dir, 'small-out'));

    const mibPerSecond = (ms: number) => bytes / MiB / (ms / 1000);
    const label = `${Math.round(bytes / MiB)} MiB`;
    return [
      // createShare from a ready snapshot: one hashing pass plus the encrypting pass.
      figure(`share create throughput, ${label} (vs age -r)`, mibPerSecond(create.ms), mibPerSecond(cliEncryptMs), 'MiB/s'),
      figure(`share open throughput, ${label} (vs age -d)`, mibPerSecond(open.ms), mibPerSecond(cliDecryptMs), 'MiB/s'),
      figure(`share create peak RSS, ${label} (vs 8 MiB)`, create.maxRssBytes / MiB, createSmall.maxRssBytes / MiB, 'MiB'),
      figure(`share open peak RSS, ${label} (vs 8 MiB)`, open.maxRssBytes / MiB, openSmall.maxRssBytes / MiB, 'MiB'),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function figure(name: string, value: number, baseline: number, unit: string): BenchFigure {
  const round = (x: number) => Math.round(x * 100) / 100;
  return { name, value: round(value), baseline: round(baseline), ratio: round(value / baseline), unit };
}

/** Incompressible data, like stored evidence, written in 1 MiB blocks. */
function writeRandomFile(file: string, bytes: number): string {
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(MiB);
  for (let left = bytes; left > 0; left -= MiB) {
    randomFillSync(block);
    fs.writeSync(fd, block, 0, Math.min(MiB, left));
  }
  fs.closeSync(fd);
  return file;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mib = Number(process.argv[2] ?? 1024);
  console.log(JSON.stringify(await shareBench({ bytes: mib * MiB }), null, 2));
}
