// Entry of a worker thread that normalises site-list records (siteNormalizerPool). Built as its
// own file for the CLI bundle (scripts/build-cli.mjs) and Electron (electron.vite.config.ts); run
// from source through tsx. Imports only the normalising code: no database, no electron.
import { parentPort } from 'node:worker_threads';
import type { NormalizeSiteOptions } from './NormalizedSite';
import { type RawSiteBatch, readSiteBatch } from './parseSiteList';
import { bySiteIdentity, SiteRowReader } from './SiteRowReader';

/** A batch to normalise, by sequence number. Change together with siteNormalizerPool. */
export interface NormalizeRequest {
  seq: number;
  raw: RawSiteBatch;
  normalize: NormalizeSiteOptions;
}

if (!parentPort) throw new Error('siteNormalizeWorker must run in a worker thread.');
const port = parentPort;
let reader: SiteRowReader | null = null;
port.on('message', (request: NormalizeRequest) => {
  // Repeats of a site are found by the pool across all threads, not per thread.
  reader ??= new SiteRowReader(request.raw.columns, request.normalize, false);
  // Rows only: preparing their inserts and seals here too (tried) made each row's message about
  // three times larger, and the writer spent on receiving it about what it saved on sealing.
  // Sorted here, off the writing thread, in the order the writer inserts them.
  const batch = readSiteBatch(reader, request.raw);
  batch.rows.sort(bySiteIdentity);
  port.postMessage({ seq: request.seq, batch });
});
port.postMessage({ ready: true });
