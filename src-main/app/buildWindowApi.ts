import { CHANNELS } from '../contract/DossierApi';
import { createDossierClient, type DossierClient, type Invoke, type IpcResult, type Subscribe } from '../contract/createDossierClient';
import { type SerializedError, serializeError, toDossierError } from '../contract/errors';
import type { EventName } from '../contract/events';
import { type DossierShell, MENU_COMMANDS, type MenuCommand, SHELL_METHODS } from '../contract/DossierShell';

/** How a window reaches main: Electron IPC in the preload, a Playwright binding in the e2e harness. */
export interface WindowTransport {
  invoke(channel: string, request: unknown): Promise<IpcResult>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  onMenuCommand(listener: (command: string) => void): () => void;
  onOpenPath(listener: (path: string) => void): () => void;
  /** Absolute path of a dropped File, '' when it has none. */
  pathForFile(file: File): string;
  platform: DossierShell['platform'];
  /** Main registered the dossier-archive: protocol for captured pages (false when absent). */
  archiveProtocol?: boolean;
}

/** What a rejected call carries: plain data, because contextBridge copies only `message` of an Error. */
export type ErrorPayload = SerializedError & { name: 'DossierError' };

function toPayload(error: unknown): ErrorPayload {
  return { name: 'DossierError', ...serializeError(toDossierError(error)) };
}

/**
 * Messages main sends before the page has subscribed (a menu command that opened the window, a
 * file double-clicked at start) are kept and delivered to the first listener.
 */
function bufferedSource<T>(subscribe: (listener: (value: T) => void) => () => void): (listener: (value: T) => void) => () => void {
  const early: T[] = [];
  const listeners = new Set<(value: T) => void>();
  subscribe((value) => {
    if (listeners.size === 0) early.push(value);
    for (const listener of listeners) listener(value);
  });
  return (listener) => {
    listeners.add(listener);
    for (const value of early.splice(0)) listener(value);
    return () => listeners.delete(listener);
  };
}

/**
 * Builds `window.dossier` (createDossierClient over the transport) and `window.dossierShell`.
 * Rejections are plain {name, code, message, details} objects so the stable code and the
 * per-field messages survive contextBridge; src-renderer/api.ts turns them back into DossierError.
 */
export function buildWindowApi(transport: WindowTransport): { dossier: DossierClient; shell: DossierShell } {
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>();
  transport.onEvent((name, payload) => {
    for (const listener of eventListeners.get(name) ?? []) (listener as (p: unknown) => void)(payload);
  });
  const subscribe: Subscribe = (event, listener) => {
    const set = eventListeners.get(event) ?? new Set();
    eventListeners.set(event, set);
    const wrapped = listener as (payload: never) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  };
  const client = createDossierClient(transport.invoke as Invoke, subscribe);
  const dossier: Record<string, unknown> = { on: client.on };
  for (const channel of CHANNELS) {
    const call = client[channel] as (request: unknown) => Promise<unknown>;
    dossier[channel] = (request: unknown) => call(request).catch((error: unknown) => Promise.reject(toPayload(error)));
  }

  const shell: Record<string, unknown> = {
    platform: transport.platform,
    archiveProtocol: transport.archiveProtocol === true,
    pathsForFiles: (files: File[]) => Array.from(files, (file) => transport.pathForFile(file)).filter((p) => p.length > 0),
    onOpenPath: bufferedSource<string>(transport.onOpenPath),
  };
  const menu = bufferedSource<string>(transport.onMenuCommand);
  shell.onMenuCommand = (listener: (command: MenuCommand) => void) =>
    menu((command) => {
      if ((MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    });
  for (const method of SHELL_METHODS) {
    shell[method] = async (request: unknown) => {
      const result = await transport.invoke(`shell.${method}`, request ?? {});
      if (result.ok) return result.value;
      return Promise.reject(toPayload(result.error));
    };
  }
  return { dossier: dossier as unknown as DossierClient, shell: shell as unknown as DossierShell };
}
