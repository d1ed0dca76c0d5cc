import { DossierError, DOMAIN_INPUT_ERROR_CODES } from '../contract/errors';

export { DOMAIN_INPUT_ERROR_CODES };

export type DomainInputErrorCode = (typeof DOMAIN_INPUT_ERROR_CODES)[number];

/** A DossierError whose code is the reason, so the CLI and the UI report it like any other. */
export class DomainInputError extends DossierError {
  override readonly name = 'DomainInputError';
  declare readonly code: DomainInputErrorCode;

  constructor(
    code: DomainInputErrorCode,
    /** The text as the user gave it, so a message or an import report can quote it. */
    readonly value: string,
    message: string,
  ) {
    super(code, message, { fields: { input: message } });
  }
}

/** Quote a user's value for a message: JSON escapes make invisible and control characters visible. */
export function quoteValue(value: string, max = 200): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown).replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
