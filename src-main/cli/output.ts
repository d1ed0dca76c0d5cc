import { DossierError } from '../contract/errors';
import { exitStatusOf } from '../contract/exitStatus';

/** Global flags every command understands. */
export interface GlobalOptions {
  json?: boolean;
  actor?: string;
}

/** `--json` prints exactly one JSON document on stdout; otherwise the human text. */
export function emit(options: GlobalOptions, value: unknown, human: () => string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

/**
 * The one way the CLI reports a failure: one clear line on stderr (message and code) and the
 * code's exit status from EXIT_STATUS; never a stack trace.
 */
export function fail(error: unknown): never {
  if (error instanceof DossierError) {
    process.stderr.write(`dossier: ${error.message} [${error.code}]\n`);
    process.exit(exitStatusOf(error.code));
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`dossier: unexpected error: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

/** Aligned "label: value" lines, skipping empty values. */
export function fields(rows: [string, unknown][]): string {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('\n');
}

/** A plain text table with a header row. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.min(72, Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length))));
  const line = (r: string[]) => r.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
