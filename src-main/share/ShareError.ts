import { DossierError, type ErrorCode } from '../contract/errors';

/**
 * Errors raised by sharing: a DossierError (so the CLI and IPC report them like any other), with
 * its own stable `code` per failure (listed in ERROR_CODES of the contract) so the CLI and the UI
 * can react (e.g. offer "accept this sender" on SENDER_UNKNOWN) without parsing messages, and
 * `details` holding the facts a dialog needs (e.g. `{ fingerprint, name }`).
 */
export class ShareError extends DossierError {
  declare readonly details: Readonly<Record<string, string | number>>;

  /**
   * @param code stable machine-readable code
   * @param message what went wrong and what the user can do about it
   * @param details structured facts for the UI/CLI (e.g. `{ fingerprint }` for SENDER_UNKNOWN)
   */
  constructor(
    code: ErrorCode,
    message: string,
    details: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, { ...details });
    this.name = 'ShareError';
    // Non-enumerable like Error's own cause: it is for debugging, never sent to the UI.
    if (options?.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: true, configurable: true });
    }
  }
}

/** True when `err` is a ShareError, optionally with the given code. */
export function isShareError(err: unknown, code?: ErrorCode): err is ShareError {
  return err instanceof ShareError && (code === undefined || err.code === code);
}

/** The cancellation error (the contract's CANCELLED, as for every long task); `signal.reason` is kept as the cause. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new ShareError('CANCELLED', 'The operation was cancelled.', {}, { cause: signal.reason });
  }
}
