import { DossierError, SITE_LIST_ERROR_CODES } from '../contract/errors';

export { SITE_LIST_ERROR_CODES };

export type SiteListErrorCode = (typeof SITE_LIST_ERROR_CODES)[number];

export class SiteListError extends DossierError {
  override readonly name = 'SiteListError';
  declare readonly code: SiteListErrorCode;
  /** The list's format, when it was known before the error (set by splitSiteList). */
  format: 'csv' | 'text' | null = null;

  constructor(
    code: SiteListErrorCode,
    /** 1-based line where the problem starts, when there is one. */
    readonly rowNumber: number | null,
    message: string,
  ) {
    super(code, message, { rowNumber });
  }
}
