import { Worker } from 'node:worker_threads';
import type { Channel, RequestOf, ResponseOf } from '../../contract/DossierApi';
import type { IpcResult } from '../../contract/createDossierClient';
import type { DossierEvents, EventName } from '../../contract/events';
import type { SafeStorageLike } from '../../share/identityVault';
import { answerSafeStorage } from './safeStorageProxy';
import type { CaseWorkerData, FromWorker, ToWorker } from './workerMessages';

export type WorkerEventListener = <E extends EventName>(name: E, payload: DossierEvents[E]) => void;

/** Anything that answers contract requests with results: a worker, or dispatch in-process (tests). */
export interface CaseHost {
  invoke(channel: string, request: unknown): Promise<IpcResult>;
  close(): Promise<void>;
}

/**
 * One window's case session in a worker thread (see caseWorkerMain). Requests become messages;
 * results come back by id. If the thread dies, every waiting request gets an INTERNAL error
 * instead of hanging, and later requests are refused.
 */
export class CaseWorker implements CaseHost {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (result: IpcResult) => void>();
  private nextId = 1;
  private failure: string | null = null;
  private closing: Promise<void> | null = null;

  /** `safeStorage`: Electron's, which answers the worker's identity vault (see safeStorageProxy). */
  constructor(entry: string | URL, data: CaseWorkerData, onEvent: WorkerEventListener = () => {}, safeStorage?: SafeStorageLike) {
    this.worker = new Worker(entry, { workerData: data, name: 'dossier-case' });
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'result') {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      } else if (message.type === 'event') {
        onEvent(message.name, message.payload);
      } else if (message.type === 'safeStorage') {
        void answerSafeStorage(safeStorage, message).then((answer) => {
          if (!this.failure) this.worker.postMessage(answer satisfies ToWorker);
        });
      }
    });
    this.worker.on('error', (error) => this.fail(`The case engine stopped: ${error.message}`));
    this.worker.on('exit', (code) => this.fail(code === 0 ? 'The case engine has shut down.' : `The case engine exited (code ${code}).`));
  }

  private fail(reason: string): void {
    this.failure ??= reason;
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: reason } });
    this.pending.clear();
  }

  invoke(channel: string, request: unknown): Promise<IpcResult> {
    if (this.failure) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: this.failure } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: 'invoke', id, channel, request } satisfies ToWorker);
    });
  }

  /** Typed convenience for main-side code (e.g. closing the case on window close). */
  async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
    return (await this.invoke(channel, request)) as IpcResult<ResponseOf<C>>;
  }

  /** Closes the case file, then ends the thread. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.failure) return resolve();
      const timer = setTimeout(() => void this.worker.terminate().then(() => resolve()), 10_000);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    return this.closing;
  }
}
