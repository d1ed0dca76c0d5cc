// Entry of a worker thread that normalises site-list records (siteNormalizerPool). Built as its
// own file for the CLI bundle (scripts/build-cli.mjs) and Electron (electron.vite.config.ts); run
// from source through tsx. Imports only the normalising code: no database, no electron.
import { parentPort } from 'node:worker_threads';
import type { NormalizeSiteOptions } from './NormalizedSite';
import { type RawSiteBatch, readSiteBatch } from './parseSiteList';
import { SiteRowReader } from './SiteRowReader';
import { prepareSiteInsert, type SiteInsertContext, type SiteInsertStamps } from './prepareSiteInsert';

/** A batch to normalise, by sequence number. Change together with siteNormalizerPool. */
export interface NormalizeRequest {
  seq: number;
  raw: RawSiteBatch;
  normalize: NormalizeSiteOptions;
  /** Also prepare each good row's inserts: the k-th row takes stamps[k] (one per record reserved). */
  prepare?: InsertPreparation;
}

/** What the writer hands over so rows can be prepared here (ids and clock stamps reserved by it). */
export interface InsertPreparation {
  context: SiteInsertContext;
  stamps: SiteInsertStamps[];
}

if (!parentPort) throw new Error('siteNormalizeWorker must run in a worker thread.');
const port = parentPort;
let reader: SiteRowReader | null = null;
port.on('message', (request: NormalizeRequest) => {
  // Repeats of a site are found by the pool across all threads, not per thread.
  reader ??= new SiteRowReader(request.raw.columns, request.normalize, false);
  const batch = readSiteBatch(reader, request.raw);
  const { prepare } = request;
  if (prepare) batch.rows.forEach((row, k) => (row.prepared = prepareSiteInsert(row, prepare.context, prepare.stamps[k]!)));
  port.postMessage({ seq: request.seq, batch });
});
port.postMessage({ ready: true });
