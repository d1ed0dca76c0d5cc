/**
 * Stable error codes shared by main, CLI and renderer. Scripts and the UI branch on `code`;
 * the message is for people and says what was wrong and what to do.
 */
/** Why a piece of text could not be taken as a website or domain (websites/DomainInputError). */
export const DOMAIN_INPUT_ERROR_CODES = [
  'EMPTY',
  'CONTAINS_SPACE',
  'CONTROL_CHARACTER',
  'INVALID_URL',
  'INVALID_LABEL',
  'LABEL_TOO_LONG',
  'NAME_TOO_LONG',
  'NO_PUBLIC_SUFFIX',
  'UNKNOWN_TLD',
  'INVALID_IP',
  'IP_ADDRESS',
] as const;

/** A site field that cannot be stored (websites/SiteFieldError). */
export const SITE_FIELD_ERROR_CODES = ['INVALID_STATUS', 'INVALID_ROLE', 'INVALID_DATE', 'INVALID_IANA_ID', 'INVALID_IP', 'INVALID_ASN', 'INVALID_NAME_SERVER'] as const;

/** A site list that cannot be read on (websites/SiteListError). */
export const SITE_LIST_ERROR_CODES = [
  /** CSV structure broken (unclosed or stray quote, a record over the size limit). */
  'CSV_MALFORMED',
  /** A plain-list line over 1 MiB: not a list of websites (a binary file?). */
  'LINE_TOO_LONG',
  /** Not UTF-8 at the file level (UTF-16 byte-order mark). */
  'ENCODING_UNSUPPORTED',
  /** No column could be taken as the URL/domain. */
  'NO_SITE_COLUMN',
  /** A `--map col=field` option names an unknown column or field. */
  'BAD_COLUMN_MAP',
  /** The header names a field's column twice ("Domain,Domain"): which one holds it cannot be told. */
  'DUPLICATE_COLUMN',
] as const;


/** Every code any error of Dossier carries; each has its CLI exit status in EXIT_STATUS (exitStatus.ts). */
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
  // SQLite failures a user can cause, classified once (casefile/openDatabase.ts)
  'READ_ONLY',
  'CASE_FILE_CANNOT_OPEN',
  // Output files (src-main/outputs): each cause its own code, since each is fixed differently.
  'OUTPUT_IS_CASE_FILE',
  'OUTPUT_PERMISSION_DENIED',
  'OUTPUT_READ_ONLY_FILESYSTEM',
  'OUTPUT_VERIFY_FAILED',
  'OUTPUT_NOT_RECORDED',
  'CASE_FILE_NEEDS_UPGRADE',
  // Website input (src-main/websites): the reason is the code
  ...DOMAIN_INPUT_ERROR_CODES,
  ...SITE_FIELD_ERROR_CODES.filter((code): code is Exclude<typeof code, 'INVALID_IP'> => code !== 'INVALID_IP'),
  ...SITE_LIST_ERROR_CODES,
  // Integrity (src-main/integrity): the check gate and audit checkpoints.
  'CASE_CHECK_FAILED',
  'CHECKPOINT_INVALID',
  'CHECKPOINT_NOT_FOUND',
  'CHECKPOINT_MISMATCH',
  // Merging (src-main/merge, issue 17): a copy whose clock is beyond the drift bound; an exhibit
  // number already taken.
  'CLOCK_AHEAD',
  'EXHIBIT_NUMBER_TAKEN',
  // Redaction (src-main/redaction): a redacted value found in a written public packet.
  'REDACTION_LEAK',
  // Merging or receiving another copy (src-main/merge, src-main/share): records of that copy differ
  // from what its audit chain sealed (changed behind the app's back); nothing of it is taken.
  'RECORDS_ALTERED',
  // A production re-exported by this version would carry other Bates numbers than it was filed with.
  'PRODUCTION_CHANGED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Error with a stable code; safe to send across IPC as {code, message, details}. */
export class DossierError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  /** `options.cause` is kept for debugging and never serialised. */
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DossierError';
    this.code = code;
    this.details = details;
  }
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function isDossierError(value: unknown): value is DossierError {
  return value instanceof DossierError;
}

/** True for a code listed in ERROR_CODES. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The one way an error becomes data for another process (IPC result, contextBridge rejection):
 * code, message and details, never a stack (it would leak paths to the UI). Anything that is not
 * a DossierError is a bug of ours and goes as INTERNAL with its message.
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof DossierError) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The one way such data becomes a DossierError again. Goes by shape, not instanceof: across
 * contextBridge (and from the test harness's bundle) errors arrive as plain objects. A code this
 * build does not know becomes INTERNAL, keeping the message.
 */
export function toDossierError(value: unknown): DossierError {
  if (value instanceof DossierError) return value;
  const e = value as { code?: unknown; message?: unknown; details?: unknown } | null | undefined;
  const message = e && typeof e.message === 'string' ? e.message : String(value);
  const details = e?.details && typeof e.details === 'object' ? (e.details as Record<string, unknown>) : undefined;
  return new DossierError(isErrorCode(e?.code) ? e.code : 'INTERNAL', message, details);
}
