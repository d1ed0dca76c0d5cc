import path from 'node:path';
import { CaseSession } from '../api/CaseSession';
import { dispatch } from '../api/dispatch';
import { taskPhaseLabel } from '../contract/taskPhaseLabel';
import { localActor } from '../casefile/Actor';
import type { Channel, RequestOf, ResponseOf } from '../contract/DossierApi';
import { createDossierClient } from '../contract/createDossierClient';
import type { TaskProgress } from '../contract/events';
import type { IdentityVault } from '../share/identityVault';
import { cliIo } from './cliIo';
import { ADD_FLAG_NAMES, type FlagNames, withFlagNames } from './flagNames';
import type { GlobalOptions } from './output';

/** Calls one contract channel; a refused request comes back with the command's flag names. */
export type ContractCall = <C extends Channel>(channel: C, request: RequestOf<C>, flags?: FlagNames) => Promise<ResponseOf<C>>;

/** Who the command acts as: --actor, else $DOSSIER_ACTOR, else the OS user. */
export function cliActor(options: GlobalOptions) {
  return localActor(options.actor ?? cliIo().env.DOSSIER_ACTOR);
}


/** Progress of long work as one line on stderr, redrawn in place; only for a person at a terminal. */
function progressPrinter(options: GlobalOptions): { onProgress: (p: TaskProgress) => void; end: () => void } {
  const io = cliIo();
  const show = io.errIsTerminal && !options.json;
  let drawn = false;
  return {
    onProgress: (p) => {
      if (!show) return;
      const amount = p.total ? `${Math.min(100, Math.floor((p.done / p.total) * 100))}%` : `${p.done} ${p.unit}`;
      io.writeErr(`\r${taskPhaseLabel(p.phase)}: ${amount}   `);
      drawn = true;
    },
    end: () => {
      if (drawn) io.writeErr('\n');
      drawn = false;
    },
  };
}

/**
 * Runs a command as a client of the contract, exactly as the UI does: a CaseSession, requests
 * through `dispatch` (the same validation), results or errors through createDossierClient.
 * `file` is opened with the contract's own `case.open` and closed after, whatever happens, so no
 * journal is left beside it. Without `file` the session starts with no case open (`new`).
 */
export async function withContract<T>(
  file: string | null,
  options: GlobalOptions,
  work: (call: ContractCall) => Promise<T> | T,
  extras: {
    /** The user's key file as the session's identity store (share, receive, merge of a share). */
    identityVault?: IdentityVault;
    /** Read commands: the file is opened read-only (nothing written, no upgrade, no backup). */
    readonly?: boolean;
    /**
     * `check`: a file whose pages are damaged (CASE_FILE_CORRUPT while case.open summarised it,
     * the file itself open) is exactly what it must report on, so the command goes on.
     */
    reportDamage?: boolean;
  } = {},
): Promise<T> {
  const { identityVault } = extras;
  const progress = progressPrinter(options);
  const session = new CaseSession(cliActor(options), progress.onProgress, identityVault);
  const client = createDossierClient((channel, request) => dispatch(session, channel, request) as never, () => () => {});
  const call: ContractCall = async (channel, request, flags) => {
    cliIo().dispatched?.push(channel);
    try {
      return await (client[channel] as (r: unknown) => Promise<never>)(request);
    } catch (error) {
      throw withFlagNames(error, { ...ADD_FLAG_NAMES, ...flags });
    } finally {
      progress.end();
    }
  };
  try {
    if (file !== null) {
      await call('case.open', { path: casePath(file), ...(extras.readonly ? { readOnly: true } : {}) }).catch((error: unknown) => {
        const damaged = (error as { code?: unknown }).code === 'CASE_FILE_CORRUPT' && session.isOpen;
        if (!(extras.reportDamage && damaged)) throw error;
      });
    }
    return await work(call);
  } finally {
    cliIo().dispatched?.push('case.close');
    await dispatch(session, 'case.close', {});
  }
}

/** Paths go to the contract absolute, as the UI sends them; the user may type them relative. */
export function casePath(file: string): string {
  return path.resolve(file);
}
