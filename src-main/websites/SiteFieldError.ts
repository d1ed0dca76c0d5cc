import { DossierError, SITE_FIELD_ERROR_CODES } from '../contract/errors';

export { SITE_FIELD_ERROR_CODES };

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
