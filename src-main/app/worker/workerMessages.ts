import type { IpcResult } from '../../contract/createDossierClient';
import type { DossierEvents, EventName } from '../../contract/events';
import type { SafeStorageAnswer, SafeStorageCall } from './safeStorageProxy';

/** Data the case worker starts with (Worker `workerData`). */
export interface CaseWorkerData {
  /** better-sqlite3 addon built for this runtime (Electron), or null to use the default one. */
  nativeBinding: string | null;
  /** Name recorded as author of changes; defaults to the OS user. */
  actorName: string | null;
  /** Where the user's sharing identity is kept (user data), or null for a window that cannot share. */
  identityVaultPath: string | null;
}

/** main -> worker */
export type ToWorker =
  | { type: 'invoke'; id: number; channel: string; request: unknown }
  | { type: 'close' }
  | SafeStorageAnswer;

/** worker -> main */
export type FromWorker =
  | { type: 'result'; id: number; result: IpcResult }
  | { type: 'event'; name: EventName; payload: DossierEvents[EventName] }
  | { type: 'closed' }
  | SafeStorageCall;
