import type { z } from 'zod';
import { CHANNELS } from '../contract/DossierApi';
import type { IpcResult } from '../contract/createDossierClient';
import { serializeError } from '../contract/errors';
import { validate } from '../contract/validate';
import { type IpcSenderLike, isTrustedSender, type TrustedRenderer } from './security/trustedRenderer';
import { SHELL_METHODS, type ShellMethod, type ShellResponseOf } from '../contract/DossierShell';
import { shellRequestSchemas } from './shell/shellRequestSchemas';
import type { CaseHost } from './worker/CaseWorker';

/** The part of Electron's ipcMain this file uses, so it can be tested without Electron. */
export interface IpcMainLike<E extends IpcSenderLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

export type ShellHandlers<E> = {
  [M in ShellMethod]: (request: z.output<(typeof shellRequestSchemas)[M]>, event: E) => ShellResponseOf<M> | Promise<ShellResponseOf<M>>;
};

export interface ChannelWiring<E extends IpcSenderLike> {
  renderer: TrustedRenderer;
  /** The case session behind the window that sent the event; undefined if it is not one of ours. */
  hostFor(event: E): CaseHost | undefined;
  shell: ShellHandlers<E>;
}

const REFUSED: IpcResult = {
  ok: false,
  error: { code: 'INVALID_REQUEST', message: 'Refused a request that did not come from a Dossier window.' },
};

function asResult(error: unknown): IpcResult {
  return { ok: false, error: serializeError(error) };
}

/**
 * Registers one ipcMain handler per contract channel and per shell method, each exactly once.
 * Every handler first checks the sender (our window's main frame, showing our page). Contract
 * requests go to that window's case worker, where dispatch() validates them; shell requests are
 * validated here. Handlers never throw: the window always gets an {ok, value | error} result.
 * Returns the channel names registered.
 */
export function registerChannels<E extends IpcSenderLike>(ipc: IpcMainLike<E>, wiring: ChannelWiring<E>): string[] {
  const registered: string[] = [];
  for (const channel of CHANNELS) {
    ipc.handle(channel, async (event, request) => {
      if (!isTrustedSender(event, wiring.renderer)) return REFUSED;
      const host = wiring.hostFor(event);
      if (!host) return REFUSED;
      return host.invoke(channel, request);
    });
    registered.push(channel);
  }
  for (const method of SHELL_METHODS) {
    const channel = `shell.${method}`;
    ipc.handle(channel, async (event, request): Promise<IpcResult> => {
      if (!isTrustedSender(event, wiring.renderer)) return REFUSED;
      try {
        const parsed = validate(shellRequestSchemas[method], request ?? {}, channel);
        const handler = wiring.shell[method] as (request: unknown, event: E) => unknown;
        return { ok: true, value: await handler(parsed, event) };
      } catch (error) {
        return asResult(error);
      }
    });
    registered.push(channel);
  }
  return registered;
}
