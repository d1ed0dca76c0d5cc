import { CHANNELS, type Channel } from '../contract/DossierApi';
import type { IpcResult } from '../contract/createDossierClient';
import { DossierError, serializeError } from '../contract/errors';
import { requestSchemas } from '../contract/requestSchemas';
import { validate } from '../contract/validate';
import { isVaultBusy, runInVaultQueue } from '../evidence/vaultQueue';
import { caseHandlers } from './caseHandlers';
import type { CaseSession } from './CaseSession';
import type { Handler, HandlerMap } from './Handlers';
import { insightHandlers } from './insightHandlers';
import { itemHandlers } from './itemHandlers';
import { packetHandlers } from './packetHandlers';
import { websiteHandlers } from './websiteHandlers';
import { evidenceHandlers } from './evidenceHandlers';
import { shareHandlers } from './shareHandlers';
import { captureHandlers } from './captureHandlers';
import { integrityHandlers } from './integrityHandlers';
import { conflictHandlers } from './conflictHandlers';
import { redactionHandlers } from './redactionHandlers';

/** Channels that must not wait for evidence work: they queue it themselves, or cancel it. */
const QUEUE_EXEMPT = new Set<Channel>(['tasks.cancel', 'evidence.import', 'evidence.verify', 'evidence.extract', 'captures.import', 'captures.reparse']);

/** Every channel's handler; the type makes a missing or extra one a compile error. */
export const HANDLERS: HandlerMap = { ...caseHandlers, ...itemHandlers, ...websiteHandlers, ...evidenceHandlers, ...packetHandlers, ...insightHandlers, ...shareHandlers, ...captureHandlers, ...integrityHandlers, ...conflictHandlers, ...redactionHandlers };

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/**
 * The one entry point from any transport (Electron IPC, the test harness): checks the channel,
 * validates the request, runs the handler, and turns every failure into an error result.
 * Unexpected errors keep their message but never their stack (it would leak paths to the UI).
 */
export async function dispatch(session: CaseSession, channel: unknown, request: unknown): Promise<IpcResult> {
  try {
    if (!isChannel(channel)) throw new DossierError('INVALID_REQUEST', `Unknown request "${String(channel).slice(0, 100)}".`);
    const parsed = validate(requestSchemas[channel], request, channel);
    // A running evidence import holds the case file's write lock; other requests wait for it
    // here, asynchronously, instead of blocking the thread on SQLite's busy timeout.
    if (session.isOpen && !QUEUE_EXEMPT.has(channel) && isVaultBusy(session.caseFile.path)) {
      await runInVaultQueue(session.caseFile.path, async () => undefined);
    }
    const handler = HANDLERS[channel] as Handler<Channel>;
    return { ok: true, value: await handler(parsed as never, session) };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
