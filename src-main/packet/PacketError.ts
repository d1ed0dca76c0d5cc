/**
 * Stand-in for `DossierError` from `src-main/contract/errors` until this branch is merged; the
 * codes are the contract's (INVALID_REQUEST, EVIDENCE_HASH_MISMATCH, EVIDENCE_UNREADABLE, CANCELLED,
 * PACKET_FAILED), so swapping the class in is a rename.
 */
export type PacketErrorCode =
  | 'INVALID_REQUEST'
  | 'EVIDENCE_HASH_MISMATCH'
  | 'EVIDENCE_UNREADABLE'
  | 'CANCELLED'
  | 'PACKET_FAILED';

export class PacketError extends Error {
  readonly code: PacketErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: PacketErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PacketError';
    this.code = code;
    this.details = details;
  }
}
