/**
 * Stable error codes shared by main, CLI and renderer. Scripts and the UI branch on `code`;
 * the message is for people and says what was wrong and what to do.
 */
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_EXISTS',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'NOT_A_CASE_FILE',
  'CASE_FILE_CORRUPT',
  'CASE_FILE_FROM_NEWER_VERSION',
  'CASE_FILE_LOCKED',
  'MIGRATION_FAILED',
  'AUDIT_CHAIN_BROKEN',
  'EVIDENCE_HASH_MISMATCH',
  'EVIDENCE_CHANGED_WHILE_READING',
  'EVIDENCE_UNREADABLE',
  'DISK_FULL',
  'EXTRACT_FAILED',
  'INVALID_DOMAIN',
  'IMPORT_FAILED',
  'CANCELLED',
  'PACKET_FAILED',
  'SHARE_FAILED',
  'NO_CASE_OPEN',
  'INTERNAL',
  // Sharing (src-main/share, docs/share-format.md). Each failure of sending or receiving a share
  // has its own code so the CLI and the UI can react (e.g. offer "accept this sender") without
  // parsing messages.
  // identities, key files, rosters
  'IDENTITY_INVALID',
  'IDENTITY_NAME_INVALID',
  'IDENTITY_NOT_FOUND',
  'IDENTITY_EXISTS',
  'KEYCHAIN_UNAVAILABLE',
  'PUBLIC_IDENTITY_INVALID',
  'KEY_FILE_NOT_FOUND',
  'KEY_FILE_EXISTS',
  'KEY_FILE_INVALID',
  'KEY_FILE_WRONG_PASSPHRASE',
  'PASSPHRASE_REQUIRED',
  'ROSTER_INVALID',
  'ROSTER_DUPLICATE',
  // snapshot and manifest
  'SNAPSHOT_SOURCE_NOT_FOUND',
  'SNAPSHOT_SOURCE_INVALID',
  'SNAPSHOT_FAILED',
  'SNAPSHOT_CHANGED',
  'MANIFEST_INVALID',
  // creating a share
  'SHARE_NO_RECIPIENTS',
  'SHARE_PASSPHRASE_WITH_RECIPIENTS',
  'RECIPIENT_INVALID',
  'RECIPIENT_UNKNOWN',
  'RECIPIENT_AMBIGUOUS',
  'SHARE_OUTPUT_EXISTS',
  // opening a share
  'NOT_A_SHARE',
  'SHARE_UNSUPPORTED',
  'NO_MATCHING_IDENTITY',
  'WRONG_PASSPHRASE',
  'SHARE_TRUNCATED',
  'SHARE_TAMPERED',
  'SHARE_CONTENT_INVALID',
  'SIGNATURE_INVALID',
  'SENDER_UNKNOWN',
  'SNAPSHOT_HASH_MISMATCH',
  'SHARE_CASE_MISMATCH',
  'SHARE_AUDIT_HEADS_MISMATCH',
  'SHARE_WRONG_CASE',
  'DESTINATION_NOT_EMPTY',
  'DESTINATION_NO_SPACE',
  'IO_FAILED',
  // Output files (src-main/outputs): each cause its own code, since each is fixed differently.
  'OUTPUT_IS_CASE_FILE',
  'OUTPUT_PERMISSION_DENIED',
  'OUTPUT_READ_ONLY_FILESYSTEM',
  'OUTPUT_VERIFY_FAILED',
  'OUTPUT_NOT_RECORDED',
  // Integrity (src-main/integrity): the check gate and audit checkpoints.
  'CASE_CHECK_FAILED',
  'CHECKPOINT_INVALID',
  'CHECKPOINT_NOT_FOUND',
  'CHECKPOINT_MISMATCH',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Error with a stable code; safe to send across IPC as {code, message, details}. */
export class DossierError extends Error {
  readonly code: ErrorCode | (string & {});
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode | (string & {}), message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
    this.details = details;
  }
}

export interface SerializedError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function isDossierError(value: unknown): value is DossierError {
  return value instanceof DossierError;
}
