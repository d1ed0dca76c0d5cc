import { DossierError } from '../contract/errors';

/**
 * A count given on the command line (--limit, --max-bytes): digits only, from 1 to `max`.
 * Anything else is refused naming the flag, never replaced by a default or clamped: a script that
 * asked for "--limit 5000" must learn it gets at most 1000, not silently fewer.
 */
export function countOption(value: string, flag: string, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) throw new DossierError('INVALID_REQUEST', `${flag} must be a whole number from 1 to ${max}.`);
  return n;
}
