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
