import type { ErrorCode } from './errors';

/**
 * What `dossier` exits with (README "Exit status"): 0 done, 1 any other failure, 2 invalid input
 * (a value, flag, id or name the user can correct), 3 a broken audit log, 4 a failed verification
 * (bytes or signatures that do not match what was recorded), 5 the case file is locked or busy.
 */
export const EXIT_STATUS_MEANING = {
  1: 'other failure',
  2: 'invalid input',
  3: 'broken audit log',
  4: 'failed verification',
  5: 'case file locked or busy',
} as const;

export type ExitStatus = keyof typeof EXIT_STATUS_MEANING;

/**
 * Every error code with its exit status: the one table. A `Record` over the closed union, so a code
 * added to ERROR_CODES without a line here does not compile.
 */
export const EXIT_STATUS: Readonly<Record<ErrorCode, ExitStatus>> = {
  INVALID_REQUEST: 2,
  NOT_FOUND: 2,
  CONFLICT: 1,
  ALREADY_EXISTS: 2,
  FILE_NOT_FOUND: 2,
  FILE_EXISTS: 2,
  NOT_A_CASE_FILE: 2,
  CASE_FILE_CORRUPT: 1,
  CASE_FILE_FROM_NEWER_VERSION: 1,
  CASE_FILE_LOCKED: 5,
  MIGRATION_FAILED: 1,
  AUDIT_CHAIN_BROKEN: 3,
  EVIDENCE_HASH_MISMATCH: 4,
  EVIDENCE_CHANGED_WHILE_READING: 4,
  EVIDENCE_UNREADABLE: 1,
  DISK_FULL: 1,
  EXTRACT_FAILED: 1,
  INVALID_DOMAIN: 2,
  IMPORT_FAILED: 1,
  CANCELLED: 1,
  PACKET_FAILED: 1,
  SHARE_FAILED: 1,
  NO_CASE_OPEN: 2,
  INTERNAL: 1,
  IDENTITY_INVALID: 2,
  IDENTITY_NAME_INVALID: 2,
  IDENTITY_NOT_FOUND: 2,
  IDENTITY_EXISTS: 2,
  KEYCHAIN_UNAVAILABLE: 1,
  PUBLIC_IDENTITY_INVALID: 2,
  KEY_FILE_NOT_FOUND: 2,
  KEY_FILE_EXISTS: 2,
  KEY_FILE_INVALID: 2,
  KEY_FILE_WRONG_PASSPHRASE: 2,
  PASSPHRASE_REQUIRED: 2,
  ROSTER_INVALID: 2,
  ROSTER_DUPLICATE: 2,
  SNAPSHOT_SOURCE_NOT_FOUND: 2,
  SNAPSHOT_SOURCE_INVALID: 2,
  SNAPSHOT_FAILED: 1,
  SNAPSHOT_CHANGED: 1,
  MANIFEST_INVALID: 4,
  SHARE_NO_RECIPIENTS: 2,
  SHARE_PASSPHRASE_WITH_RECIPIENTS: 2,
  RECIPIENT_INVALID: 2,
  RECIPIENT_UNKNOWN: 2,
  RECIPIENT_AMBIGUOUS: 2,
  SHARE_OUTPUT_EXISTS: 2,
  NOT_A_SHARE: 2,
  SHARE_UNSUPPORTED: 1,
  NO_MATCHING_IDENTITY: 2,
  WRONG_PASSPHRASE: 2,
  SHARE_TRUNCATED: 4,
  SHARE_TAMPERED: 4,
  SHARE_CONTENT_INVALID: 4,
  SIGNATURE_INVALID: 4,
  SENDER_UNKNOWN: 4,
  SNAPSHOT_HASH_MISMATCH: 4,
  SHARE_CASE_MISMATCH: 4,
  SHARE_AUDIT_HEADS_MISMATCH: 4,
  SHARE_WRONG_CASE: 2,
  DESTINATION_NOT_EMPTY: 2,
  DESTINATION_NO_SPACE: 1,
  IO_FAILED: 1,
  READ_ONLY: 1,
  CASE_FILE_CANNOT_OPEN: 1,
  CASE_FILE_NEEDS_UPGRADE: 1,
  EMPTY: 2,
  CONTAINS_SPACE: 2,
  CONTROL_CHARACTER: 2,
  INVALID_URL: 2,
  INVALID_LABEL: 2,
  LABEL_TOO_LONG: 2,
  NAME_TOO_LONG: 2,
  NO_PUBLIC_SUFFIX: 2,
  UNKNOWN_TLD: 2,
  INVALID_IP: 2,
  IP_ADDRESS: 2,
  INVALID_STATUS: 2,
  INVALID_ROLE: 2,
  INVALID_DATE: 2,
  INVALID_IANA_ID: 2,
  INVALID_ASN: 2,
  INVALID_NAME_SERVER: 2,
  CSV_MALFORMED: 2,
  LINE_TOO_LONG: 2,
  ENCODING_UNSUPPORTED: 2,
  NO_SITE_COLUMN: 2,
  BAD_COLUMN_MAP: 2,
  DUPLICATE_COLUMN: 2,
  // Output files (src-main/outputs)
  OUTPUT_IS_CASE_FILE: 2,
  OUTPUT_PERMISSION_DENIED: 1,
  OUTPUT_READ_ONLY_FILESYSTEM: 1,
  OUTPUT_VERIFY_FAILED: 4,
  OUTPUT_NOT_RECORDED: 1,
  // Integrity (src-main/integrity): a case failing `dossier check` is a failed verification;
  // a checkpoint that no longer matches the case is a broken audit history.
  CASE_CHECK_FAILED: 4,
  CHECKPOINT_INVALID: 2,
  CHECKPOINT_NOT_FOUND: 2,
  CHECKPOINT_MISMATCH: 3,
  // Merging (issue 17): a clock beyond the drift bound is fixed on that computer, not here.
  CLOCK_AHEAD: 1,
  EXHIBIT_NUMBER_TAKEN: 2,
  // A public packet that still holds a redacted value failed its verification (nothing was written).
  REDACTION_LEAK: 4,
  // Another copy's records differ from their seals: its merge or receipt failed verification.
  RECORDS_ALTERED: 4,
  // A re-export would move a production's Bates numbers: it does not reproduce what was filed.
  PRODUCTION_CHANGED: 4,
};

/** The exit status of a failure with this code. */
export function exitStatusOf(code: ErrorCode): ExitStatus {
  return EXIT_STATUS[code];
}
