import { DossierError } from '../contract/errors';

/**
 * A value in a site list row (or form) that cannot be stored: a status or role outside the enum,
 * a date that is not ISO-8601, a malformed IANA id, IP, ASN or name server.
 * Codes are stable.
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

/** A DossierError naming the field, so a form can show the message beside it. */
export class SiteFieldError extends DossierError {
  override readonly name = 'SiteFieldError';
  declare readonly code: SiteFieldErrorCode;

  constructor(
    code: SiteFieldErrorCode,
    /** The field, by its list/column name (`status`, `first_seen`...). */
    readonly field: string,
    readonly value: string,
    message: string,
  ) {
    super(code, message, { fields: { [field]: message }, value });
  }
}
