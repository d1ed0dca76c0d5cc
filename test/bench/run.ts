// `npm run bench`: every figure with its same-run baseline, as one JSON document on stdout.
import { cliBench } from './cliBench';
import type { Figure } from './Figure';
import { evidenceBench } from './evidenceBench';
import { framesBench } from './framesBench';
import { packetBench } from './packetBench';
import { recordsBench } from './recordsBench';
import { shareBench } from './shareBench';
import { websitesBench } from './websitesBench';
import { captureBench } from './captureBench';
import { mergeBench } from './mergeBench';

const sections: Record<string, () => Figure[] | Promise<Figure[]>> = {
  records: recordsBench,
  websites: websitesBench,
  // EVIDENCE_BENCH_MIB sets the evidence file size (default 1024).
  evidence: () => evidenceBench(),
  packet: async () => (await packetBench()).map((f) => ({ ...f, ratio: Math.round(f.ratio * 1000) / 1000 })),
  // DOSSIER_BENCH_SHARE_MIB sets the case size (default 1024).
  share: () => shareBench(),
  // CAPTURE_BENCH_MIB sets the WARC size (default 64).
  captures: () => captureBench(),
  // DOSSIER_BENCH_MERGE_ROWS sets how many records the teammate's copy changed (default 100000).
  merge: mergeBench,
  // DOSSIER_BENCH_CLI_RUNS sets the runs per command (default 15).
  cli: cliBench,
  // Chromium frame times; DOSSIER_BENCH_UI_SITES sets the list size (default 200000).
  frames: () => framesBench(),
};

const only = process.argv.slice(2);
const figures: Figure[] = [];
for (const [name, bench] of Object.entries(sections)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}...\n`);
  figures.push(...(await bench()));
}
process.stdout.write(`${JSON.stringify({ node: process.version, cpus: (await import('node:os')).cpus().length, figures }, null, 2)}\n`);
