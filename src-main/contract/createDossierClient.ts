import { CHANNELS, type Channel, type DossierApi, type RequestOf, type ResponseOf } from './DossierApi';
import { type SerializedError, toDossierError } from './errors';
import type { DossierEvents, EventName } from './events';

/** What crosses the process boundary: never a thrown exception, always a result. */
export type IpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: SerializedError };

export type Invoke = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
export type Subscribe = <E extends EventName>(event: E, listener: (payload: DossierEvents[E]) => void) => () => void;

export type DossierClient = DossierApi & {
  on: Subscribe;
};

/**
 * Builds `window.dossier` from a transport. The Electron preload passes ipcRenderer.invoke; the
 * Playwright harness passes a binding to the real services. Errors come back as DossierError.
 */
export function createDossierClient(invoke: Invoke, subscribe: Subscribe): DossierClient {
  const client: Record<string, unknown> = { on: subscribe };
  for (const channel of CHANNELS) {
    client[channel] = async (request: unknown) => {
      const result = await invoke(channel, (request ?? {}) as never);
      if (result.ok) return result.value;
      throw toDossierError(result.error);
    };
  }
  return client as unknown as DossierClient;
}
