import { availableParallelism } from 'node:os';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { DossierError } from '../contract/errors';
import type { NormalizeSiteOptions } from './NormalizedSite';
import type { RawSiteBatch, SiteBatch } from './parseSiteList';
import type { NormalizeRequest } from './siteNormalizeWorker';
import { siteNormalizeWorkerEntry } from './siteNormalizeWorkerEntry';

export interface SiteNormalizerOptions {
  /** Threads normalising (default: one fewer than the cores, at least 1, at most 4). */
  threads?: number;
  normalize?: NormalizeSiteOptions;
  /** Caps each thread's memory (Node's worker resourceLimits); a thread over it stops. */
  resourceLimits?: ResourceLimits;
}

/** The default thread count: the writing thread keeps one core. */
export function defaultNormalizerThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Waiting {
  resolve: (batch: SiteBatch) => void;
  reject: (error: unknown) => void;
}

function threadStopped(reason: string): DossierError {
  return new DossierError(
    'IMPORT_FAILED',
    `The thread normalising the site list stopped (${reason}). Batches written before it are in the case and audited; run the same import again to complete it (sites already in the case merge).`,
  );
}

/**
 * Normalises raw batches (splitSiteList) on worker threads while the caller writes the batches
 * already done: the same batches, in file order, as parseSiteList gives on one thread, except
 * that each batch's rows come sorted by site identity (bySiteIdentity, stable), the order the
 * writer inserts them in; `duplicateOf` is set here across all threads. Keeps at most threads + 1 batches in flight, so
 * memory stays bounded whatever the file size. Returns null when no worker entry is built in
 * (see siteNormalizeWorkerEntry); the caller then normalises on its own thread.
 * A thread that dies (out of memory, a crash) fails the import with IMPORT_FAILED after the
 * batches already handed over; the others are stopped.
 */
export function normalizeInThreads(raws: AsyncIterable<RawSiteBatch>, options: SiteNormalizerOptions = {}): AsyncGenerator<SiteBatch> | null {
  const entry = siteNormalizeWorkerEntry();
  if (entry === null) return null;
  return run(entry, raws, options);
}

async function* run(entry: NonNullable<ReturnType<typeof siteNormalizeWorkerEntry>>, raws: AsyncIterable<RawSiteBatch>, options: SiteNormalizerOptions): AsyncGenerator<SiteBatch> {
  const count = Math.max(1, options.threads ?? defaultNormalizerThreads());
  const waiting = new Map<number, Waiting>();
  const inFlight = new Map<Worker, Set<number>>();
  let failure: DossierError | null = null;
  const fail = (worker: Worker, reason: string) => {
    failure ??= threadStopped(reason);
    for (const seq of inFlight.get(worker) ?? []) waiting.get(seq)?.reject(failure);
    for (const [seq, w] of waiting) {
      w.reject(failure);
      waiting.delete(seq);
    }
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(entry.script, { ...entry.options, name: 'dossier-site-normalizer', ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
    inFlight.set(worker, new Set());
    worker.on('message', (message: { seq?: number; batch?: SiteBatch }) => {
      if (message.seq === undefined || !message.batch) return;
      inFlight.get(worker)!.delete(message.seq);
      waiting.get(message.seq)?.resolve(message.batch);
      waiting.delete(message.seq);
    });
    worker.on('error', (error) => fail(worker, error.message));
    worker.on('exit', (code) => {
      if (inFlight.has(worker)) fail(worker, `exit code ${code}`);
    });
    return worker;
  });

  const send = (seq: number, raw: RawSiteBatch): Promise<SiteBatch> => {
    if (failure) return Promise.reject(failure);
    const worker = workers.reduce((a, b) => (inFlight.get(b)!.size < inFlight.get(a)!.size ? b : a));
    const result = new Promise<SiteBatch>((resolve, reject) => waiting.set(seq, { resolve, reject }));
    result.catch(() => undefined); // awaited in order below; a failure before then is not unhandled
    inFlight.get(worker)!.add(seq);
    worker.postMessage({ seq, raw, normalize: options.normalize ?? {} } satisfies NormalizeRequest);
    return result;
  };

  const seen = new Map<string, number>();
  const queue: Promise<SiteBatch>[] = [];
  const source = raws[Symbol.asyncIterator]();
  let sourceDone = false;
  let sourceError: { error: unknown } | null = null;
  let seq = 0;
  try {
    for (;;) {
      while (!sourceDone && sourceError === null && queue.length < count + 1) {
        try {
          const next = await source.next();
          if (next.done) sourceDone = true;
          else queue.push(send(seq++, next.value));
        } catch (error) {
          // A broken file after the rows before it: hand those over first, as parseSiteList does.
          sourceError = { error };
        }
      }
      const head = queue.shift();
      if (head === undefined) break;
      const batch = await head;
      for (const row of batch.rows) {
        const first = seen.get(row.normalized.identity_key);
        if (first === undefined) seen.set(row.normalized.identity_key, row.rowNumber);
        else row.duplicateOf = first;
      }
      yield batch;
    }
    if (sourceError !== null) throw sourceError.error;
  } finally {
    for (const worker of workers) inFlight.delete(worker);
    await Promise.all(workers.map((w) => w.terminate()));
    if (!sourceDone) await source.return?.();
  }
}
