import { DossierError } from '../contract/errors';

/** Request field (as the contract names it) -> what the user typed it as (`--granted`, `FILE`). */
export type FlagNames = Readonly<Record<string, string>>;

/**
 * Fields whose flag is not simply the field in kebab-case, shared by the commands that add
 * records (the names predate this table and scripts use them). Commands pass their own names on
 * top (`edit` uses the kebab-case field names throughout).
 */
export const ADD_FLAG_NAMES: FlagNames = {
  path: 'FILE',
  id: 'ID',
  input: 'URL-OR-DOMAIN',
  from_id: 'FROM-ID',
  to_id: 'TO-ID',
  evidence_id: 'ID',
  order_type: '--type',
  ecf_number: '--ecf',
  filed_at: '--filed',
  granted_at: '--granted',
  served_at: '--served',
  expires_at: '--expires',
  organization: '--org',
  hosting_provider: '--hosting',
  exhibit_label: '--label',
  source_url: '--source',
  to_party: '--to',
  at: '--date',
  status_at: '--status-date',
  orderId: '--order',
  evidenceId: '--evidence',
  outPath: 'OUT',
  paths: 'PATHS',
  text: 'QUERY',
};

/** `granted_at` -> `--granted-at`, `orderId` -> `--order-id`. */
export function kebabFlag(field: string): string {
  return `--${field.replace(/_/g, '-').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

/** The flag for a zod issue path such as `patch.granted_at` or `paths.0`. */
export function flagFor(path: string, names: FlagNames): string {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s) && s !== 'patch' && s !== 'case' && s !== 'options');
  const joined = segments.join('.');
  const last = segments[segments.length - 1] ?? path;
  return names[joined] ?? names[last] ?? kebabFlag(last);
}

/**
 * A validation error from the contract, reworded for the command line: each problem names the
 * flag the user typed (`--granted is not a date`), not the column (`granted_at`). Other errors
 * pass unchanged.
 */
export function withFlagNames(error: unknown, names: FlagNames): unknown {
  if (!(error instanceof DossierError) || error.code !== 'INVALID_REQUEST') return error;
  const problems = error.details?.fields;
  if (!problems || typeof problems !== 'object') return error;
  const lines = Object.entries(problems as Record<string, string>).map(([field, message]) => (field === '_' ? message : `${flagFor(field, names)} ${message}`));
  if (lines.length === 0) return error;
  return new DossierError(error.code, `${lines.join('; ')}.`, error.details);
}
