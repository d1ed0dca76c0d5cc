import { DossierError } from '../contract/errors';

/** The contract codes packet code raises (a subset of ERROR_CODES). */
export type PacketErrorCode = 'INVALID_REQUEST' | 'FILE_NOT_FOUND' | 'EVIDENCE_HASH_MISMATCH' | 'EVIDENCE_UNREADABLE' | 'CANCELLED' | 'PACKET_FAILED';

/**
 * A DossierError raised while building or checking a packet, so over the contract and in the CLI it
 * keeps its code: a cancelled export is CANCELLED, never INTERNAL or "unexpected error".
 */
export class PacketError extends DossierError {
  declare readonly code: PacketErrorCode;

  constructor(code: PacketErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(code, message, details, options);
    this.name = 'PacketError';
  }
}
