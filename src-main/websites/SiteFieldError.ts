/**
 * A value in a site list row (or form) that cannot be stored: a status or role outside the enum,
 * a date that is not ISO-8601, a malformed IANA id, IP, ASN or name server.
 * Codes are stable; to be folded into the contract's `DossierError` with the same codes.
 */
export const SITE_FIELD_ERROR_CODES = [
  'INVALID_STATUS',
  'INVALID_ROLE',
  'INVALID_DATE',
  'INVALID_IANA_ID',
  'INVALID_IP',
  'INVALID_ASN',
  'INVALID_NAME_SERVER',
] as const;

export type SiteFieldErrorCode = (typeof SITE_FIELD_ERROR_CODES)[number];

export class SiteFieldError extends Error {
  override readonly name = 'SiteFieldError';

  constructor(
    readonly code: SiteFieldErrorCode,
    /** The field, by its list/column name (`status`, `first_seen`...). */
    readonly field: string,
    readonly value: string,
    message: string,
  ) {
    super(message);
  }
}
