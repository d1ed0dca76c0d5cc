import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** How to start a normalising thread: a script and the options that make it run. */
export interface WorkerEntry {
  script: string | URL;
  options: WorkerOptions;
}

/**
 * Where the normalising thread's code is in this build, or null when it is not there (then the
 * import normalises on its own thread, only slower).
 * - From source (tsx, vitest): this module is a .ts file; the thread registers tsx, then loads
 *   siteNormalizeWorker.ts, so tests and the bench run the code under review.
 * - CLI bundle (scripts/build-cli.mjs) and Electron main (electron.vite.config.ts): the entry is
 *   built beside the chunk holding this module as site-normalize-worker.mjs / .js. The name is
 *   in those two build files too: change them together.
 */
export function siteNormalizeWorkerEntry(): WorkerEntry | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // require.resolve gives the CommonJS build of tsx's API, whose register() cannot start ES
    // module hooks from a worker; the ES module build sits beside it.
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL('./siteNormalizeWorker.ts', here).href;
    return {
      script: `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`,
      options: { eval: true, workerData: { tsx, entry } },
    };
  }
  // '../': bundlers that put shared code in a chunks/ folder below the entries.
  for (const name of ['./site-normalize-worker.mjs', './site-normalize-worker.js', '../site-normalize-worker.js']) {
    const url = new URL(name, here);
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { script: url, options: {} };
  }
  return null;
}
