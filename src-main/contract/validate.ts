import type { z } from 'zod';
import { DossierError } from './errors';

/** Parses a request at the boundary; the error names each wrong field and why. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field} ${issue.message}` : issue.message;
  });
  throw new DossierError('INVALID_REQUEST', `Invalid ${what}: ${problems.join('; ')}.`, {
    fields: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || '_', i.message])),
  });
}
