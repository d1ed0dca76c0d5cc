/**
 * Errors raised by sharing. Each failure has its own stable `code` so the CLI and the UI can react
 * (e.g. offer "accept this sender" on SENDER_UNKNOWN) without parsing messages.
 * To be folded into `DossierError` from `src-main/contract/errors` once that exists on main: keep
 * the codes, they are part of the contract.
 */
export type ShareErrorCode =
  // identities, key files, rosters
  | 'IDENTITY_INVALID'
  | 'IDENTITY_NAME_INVALID'
  | 'PUBLIC_IDENTITY_INVALID'
  | 'KEY_FILE_NOT_FOUND'
  | 'KEY_FILE_EXISTS'
  | 'KEY_FILE_INVALID'
  | 'KEY_FILE_WRONG_PASSPHRASE'
  | 'PASSPHRASE_REQUIRED'
  | 'ROSTER_INVALID'
  | 'ROSTER_DUPLICATE'
  // snapshot and manifest
  | 'SNAPSHOT_SOURCE_NOT_FOUND'
  | 'SNAPSHOT_SOURCE_INVALID'
  | 'SNAPSHOT_FAILED'
  | 'SNAPSHOT_CHANGED'
  | 'MANIFEST_INVALID'
  // creating a share
  | 'SHARE_NO_RECIPIENTS'
  | 'SHARE_PASSPHRASE_WITH_RECIPIENTS'
  | 'RECIPIENT_INVALID'
  | 'SHARE_OUTPUT_EXISTS'
  // opening a share
  | 'NOT_A_SHARE'
  | 'SHARE_UNSUPPORTED'
  | 'NO_MATCHING_IDENTITY'
  | 'WRONG_PASSPHRASE'
  | 'SHARE_TRUNCATED'
  | 'SHARE_TAMPERED'
  | 'SHARE_CONTENT_INVALID'
  | 'SIGNATURE_INVALID'
  | 'SENDER_UNKNOWN'
  | 'SNAPSHOT_HASH_MISMATCH'
  | 'DESTINATION_NOT_EMPTY'
  | 'DESTINATION_NO_SPACE'
  // both directions
  | 'ABORTED'
  | 'IO_FAILED';

export class ShareError extends Error {
  override readonly name = 'ShareError';

  /**
   * @param code stable machine-readable code
   * @param message what went wrong and what the user can do about it
   * @param details structured facts for the UI/CLI (e.g. `{ fingerprint }` for SENDER_UNKNOWN)
   */
  constructor(
    readonly code: ShareErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `err` is a ShareError, optionally with the given code. */
export function isShareError(err: unknown, code?: ShareErrorCode): err is ShareError {
  return err instanceof ShareError && (code === undefined || err.code === code);
}

/** The abort error for a cancelled operation; `signal.reason` is kept as the cause. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new ShareError('ABORTED', 'The operation was cancelled.', {}, { cause: signal.reason });
  }
}
