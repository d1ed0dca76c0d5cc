import type { IpcResult } from '../../contract/createDossierClient';
import type { DossierEvents, EventName } from '../../contract/events';

/** Data the case worker starts with (Worker `workerData`). */
export interface CaseWorkerData {
  /** better-sqlite3 addon built for this runtime (Electron), or null to use the default one. */
  nativeBinding: string | null;
  /** Name recorded as author of changes; defaults to the OS user. */
  actorName: string | null;
}

/** main -> worker */
export type ToWorker =
  | { type: 'invoke'; id: number; channel: string; request: unknown }
  | { type: 'close' };

/** worker -> main */
export type FromWorker =
  | { type: 'result'; id: number; result: IpcResult }
  | { type: 'event'; name: EventName; payload: DossierEvents[EventName] }
  | { type: 'closed' };
