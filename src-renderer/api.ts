import type { Channel, RequestOf, ResponseOf } from '../src-main/contract/DossierApi';
import type { DossierClient } from '../src-main/contract/createDossierClient';
import { type DossierError, toDossierError } from '../src-main/contract/errors';
import type { DossierEvents, EventName } from '../src-main/contract/events';
import type { DossierShell } from '../src-main/contract/DossierShell';

declare global {
  interface Window {
    dossier: DossierClient;
    dossierShell: DossierShell;
  }
}

/**
 * Rebuilds a DossierError from whatever a rejected call carried (across contextBridge errors
 * arrive as plain {code, message, details} objects): the contract's one deserialiser.
 */
export { toDossierError };

/** Calls one channel of the contract; failures are always DossierError. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const fn = window.dossier[channel] as unknown as (request: RequestOf<C>) => Promise<ResponseOf<C>>;
  try {
    return await fn(request);
  } catch (error) {
    throw toDossierError(error);
  }
}

export function onEvent<E extends EventName>(event: E, listener: (payload: DossierEvents[E]) => void): () => void {
  return window.dossier.on(event, listener);
}

/** Native things the window can ask the shell for; failures are DossierError too. */
export async function shellCall<R>(fn: (shell: DossierShell) => Promise<R>): Promise<R> {
  try {
    return await fn(window.dossierShell);
  } catch (error) {
    throw toDossierError(error);
  }
}

export function shell(): DossierShell {
  return window.dossierShell;
}

/** Field -> message from an INVALID_REQUEST error ("patch.email" is shown at "email"). */
export function fieldErrors(error: DossierError): Record<string, string> {
  const fields = (error.details?.fields ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (typeof message !== 'string') continue;
    out[key.replace(/^(patch|case)\./, '').replace(/\.\d+$/, '')] = message;
  }
  return out;
}

export function newTaskId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

