import { DossierError } from '../contract/errors';

/**
 * A site list that cannot be read on: the whole import stops. Per-row problems are not thrown;
 * they come back in the batches as row errors.
 * Stable codes.
 */
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
] as const;

export type SiteListErrorCode = (typeof SITE_LIST_ERROR_CODES)[number];

export class SiteListError extends DossierError {
  override readonly name = 'SiteListError';
  declare readonly code: SiteListErrorCode;

  constructor(
    code: SiteListErrorCode,
    /** 1-based line where the problem starts, when there is one. */
    readonly rowNumber: number | null,
    message: string,
  ) {
    super(code, message, { rowNumber });
  }
}
