import { DossierError } from '../contract/errors';

/** An opaque page cursor: the sort values of the last row seen, so the next page starts after it. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Reads a cursor back; a forged or stale one gets a clear error instead of a wrong page. */
export function decodeCursor(cursor: string, arity: number, what: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== arity || parsed.some((v) => v !== null && typeof v === 'object')) {
    throw new DossierError('INVALID_REQUEST', `The ${what} cursor is not valid; start again from the first page.`);
  }
  return parsed;
}
